package dev.fapilog.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * Capture + encode (reliability anchors F1): whatever the message, fields and exception, the event is written as
 * exactly one line of strict UTF-8 JSON that fits the envelope schema, and the message and string fields come back as
 * logged (lone surrogates as U+FFFD). Redaction is off here: it may change values on purpose.
 */
class EncodeFuzzTest {
    private static final FuzzInputs.LastLines SINK = new FuzzInputs.LastLines("last-lines");
    private static final LogRuntime RUNTIME = TestRuntimes.builder()
            .name("fuzz-encode")
            .level(Level.TRACE)
            .redactors()
            .setting("redaction.presets", "none")
            .setting("diagnostics.enabled", "false")
            .batchMaxSize(1)
            .plugin(SINK)
            .buildRuntime();

    @AfterAll
    static void drain() {
        RUNTIME.drain(Duration.ofSeconds(5));
    }

    @FuzzTest(maxDuration = "20s")
    void everyEventIsOneValidLineThatRoundTrips(FuzzedDataProvider d) {
        String message = FuzzInputs.anyString(d, 300);
        int fields = d.consumeInt(0, 4);
        Object[] kv = new Object[fields * 2];
        String[] strings = new String[fields];
        for (int i = 0; i < fields; i++) {
            kv[2 * i] = "f" + i;
            Object v = FuzzInputs.value(d, 0);
            kv[2 * i + 1] = v;
            strings[i] = v instanceof String ? (String) v : null;
        }
        Throwable error = d.consumeBoolean() ? new IllegalStateException(FuzzInputs.anyString(d, 80)) : null;
        if (error != null && d.consumeBoolean()) {
            error.initCause(new RuntimeException(FuzzInputs.anyString(d, 40), error)); // a cycle through the cause
        }
        RUNTIME.logger(FuzzInputs.anyString(d, 30)).log(Level.INFO, message, error, kv);
        assertThat(RUNTIME.flush(Duration.ofSeconds(10))).isTrue();

        List<byte[]> lines = SINK.take();
        assertThat(lines).hasSize(1);
        JsonNode log = JsonLines.check(lines.get(0)).path("log");
        assertThat(log.path("message").asText()).isEqualTo(FuzzInputs.withoutLoneSurrogates(message));
        for (int i = 0; i < fields; i++) {
            if (strings[i] != null) {
                assertThat(log.path("data").path("f" + i).asText())
                        .isEqualTo(FuzzInputs.withoutLoneSurrogates(strings[i]));
            }
        }
    }
}
