package dev.fapilog.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Preset;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.Redactor;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Guardrails, the warn fail mode, values masked at capture, and the unsafe escape hatch. */
class RedactionSafetyTest {

    /** {"password": "hunter2"} nested {@code depth} maps deep under data.nest. */
    private static Map<String, Object> nested(int depth) {
        Map<String, Object> inner = new HashMap<>(Map.of("password", "hunter2"));
        for (int i = 1; i < depth; i++) {
            inner = new HashMap<>(Map.of("level" + i, inner));
        }
        return inner;
    }

    private static LogRuntime runtime(MemorySink sink, List<String> diagnostics, String... settings) {
        var b = TestRuntimes.builder(diagnostics).plugin(sink).setting("redaction.fields", "data.**.password");
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        return b.buildRuntime();
    }

    @Test
    void whatLiesBeyondTheDepthGuardrailIsMaskedWholeByDefault() {
        MemorySink sink = new MemorySink();
        LogRuntime rt =
                runtime(sink, TestRuntimes.diagnostics(), "redaction.max-depth", "4", "encoder.max-depth", "64");
        rt.logger("s").info("shallow", "nest", nested(3));
        rt.logger("s").info("deep", "nest", nested(10));
        rt.drain(Duration.ofSeconds(5));
        List<String> lines = sink.lines();
        assertThat(lines).noneMatch(l -> l.contains("hunter2"));
        assertThat(lines.get(0)).contains("\"password\":\"***\"");
        assertThat(lines.get(1)).contains("\"level9\"").contains("***");
    }

    @Test
    void theKeysScannedGuardrailBoundsTheWorkAndMasksTheRest() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = runtime(sink, TestRuntimes.diagnostics(), "redaction.max-keys-scanned", "100");
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(Map.of("password", "hunter2"));
        }
        rt.logger("s").info("many", "users", many, "small", Map.of("password", "hunter2"));
        rt.drain(Duration.ofSeconds(5));
        String line = sink.lines().get(0);
        assertThat(line).doesNotContain("hunter2").contains("\"users\":\"***\"");
    }

    @Test
    void warnWritesTheUnscannedPartAndSaysSoAndDropDropsTheEvent() {
        List<String> diagnostics = TestRuntimes.diagnostics();
        MemorySink warned = new MemorySink();
        LogRuntime warn =
                runtime(warned, diagnostics, "redaction.max-depth", "2", "redaction.on-guardrail-exceeded", "warn");
        warn.logger("s").info("deep", "nest", nested(5));
        warn.drain(Duration.ofSeconds(5));
        assertThat(warned.lines()).singleElement().satisfies(l -> assertThat(l).contains("hunter2"));
        assertThat(diagnostics).anyMatch(l -> l.contains("guardrail_exceeded") && l.contains("field-mask"));

        MemorySink dropSink = new MemorySink();
        LogRuntime drop = runtime(
                dropSink,
                TestRuntimes.diagnostics(),
                "redaction.max-depth",
                "2",
                "redaction.on-guardrail-exceeded",
                "drop");
        drop.logger("s").info("deep", "nest", nested(5));
        drop.logger("s").info("fine", "password", "hunter2");
        DrainResult r = drop.drain(Duration.ofSeconds(5));
        assertThat(dropSink.lines())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("fine").doesNotContain("hunter2"));
        assertThat(r.droppedByReason()).containsEntry("redaction_guardrail", 1L);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void failModeWarnWritesTheEventAndReportsTheFailingRedactor() {
        List<String> diagnostics = TestRuntimes.diagnostics();
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .setting("redaction.fail-mode", "warn")
                .plugin(sink)
                .plugin(new Redactor() {
                    @Override
                    public String name() {
                        return "broken";
                    }

                    @Override
                    public void redact(MutableEvent e) {
                        throw new IllegalStateException("bug");
                    }
                })
                .buildRuntime();
        rt.logger("s").info("goes on");
        rt.drain(Duration.ofSeconds(5));
        assertThat(sink.lines()).hasSize(1);
        assertThat(diagnostics).anyMatch(l -> l.contains("\"plugin\":\"broken\""));
    }

    @Test
    void sensitiveAndPiiValuesAreMaskedAtCaptureWhateverTheRedactors() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder()
                .preset(Preset.MINIMAL) // no redactors at all
                .plugin(sink)
                .buildRuntime();
        rt.logger("s")
                .atInfo()
                .with("order", 42)
                .sensitive("password", "hunter2")
                .sensitive("card", Map.of("number", "4111111111111111", "expiry", List.of("12", "29")))
                .pii("email", "jane@example.com")
                .with("sensitive", "a plain field of that name cannot replace the masked ones")
                .log("signed in");
        rt.asyncLogger("a").atInfo().pii("phone", "+44 20 7946 0000").log("async");
        rt.drain(Duration.ofSeconds(5));
        String line = sink.lines().get(0);
        assertThat(line).doesNotContain("hunter2", "4111", "jane@", "plain field");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) sink.events().get(0).get("data");
        assertThat(data.get("order")).isEqualTo(42L);
        assertThat(data.get("sensitive"))
                .isEqualTo(Map.of(
                        "password", "***",
                        "card", Map.of("number", "***", "expiry", List.of("***", "***")),
                        "email", "***"));
        assertThat(sink.lines().get(1)).contains("\"phone\":\"***\"").doesNotContain("7946");
    }

    @Test
    void unsafeUnredactedSkipsRedactionForOneEventLoudly() {
        List<String> diagnostics = TestRuntimes.diagnostics();
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .preset(Preset.PRODUCTION)
                .sinks()
                .plugin(sink)
                .buildRuntime();
        rt.logger("s")
                .atWarning()
                .with("password", "visible-on-purpose")
                .sensitive("pin", "1234")
                .unsafeUnredacted()
                .log("debugging");
        rt.logger("s").warn("normal", "password", "hidden");
        rt.drain(Duration.ofSeconds(5));
        List<String> lines = sink.lines();
        assertThat(lines.get(0))
                .contains("\"password\":\"visible-on-purpose\"", "\"unredacted\":true", "\"pin\":\"***\"")
                .doesNotContain("1234");
        assertThat(lines.get(1)).contains("\"password\":\"***\"").doesNotContain("\"unredacted\"", "hidden");
        assertThat(diagnostics).anyMatch(l -> l.contains("unredacted_event"));
        diagnostics.forEach(JsonLines::checkTextIsJson);
    }
}
