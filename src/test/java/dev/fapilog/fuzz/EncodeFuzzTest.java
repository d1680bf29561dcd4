package dev.fapilog.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.Level;
import dev.fapilog.support.JsonLines;
import org.junit.jupiter.api.AfterAll;

/**
 * Capture + encode (reliability anchors F1): whatever the message, fields and exception, the event is written as
 * exactly one line of strict UTF-8 JSON that fits the envelope schema, and the message and string fields come back as
 * logged (lone surrogates as U+FFFD). Redaction is off here: it may change values on purpose.
 */
class EncodeFuzzTest {
    private static final FuzzInputs.OneEvent EVENTS = new FuzzInputs.OneEvent(
            "fuzz-encode", b -> b.level(Level.TRACE).redactors().setting("redaction.presets", "none"));

    @AfterAll
    static void drain() {
        EVENTS.drain();
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
        String logger = FuzzInputs.anyString(d, 30);
        byte[] line = EVENTS.line(rt -> rt.logger(logger).log(Level.INFO, message, error, kv));
        JsonNode log = JsonLines.check(line).path("log");
        assertThat(log.path("message").asText()).isEqualTo(FuzzInputs.withoutLoneSurrogates(message));
        for (int i = 0; i < fields; i++) {
            if (strings[i] != null) {
                assertThat(log.path("data").path("f" + i).asText())
                        .isEqualTo(FuzzInputs.withoutLoneSurrogates(strings[i]));
            }
        }
    }
}
