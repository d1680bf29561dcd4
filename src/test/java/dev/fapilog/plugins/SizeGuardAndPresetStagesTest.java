package dev.fapilog.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Preset;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The size-guard processor, and for each preset, that the stages it configures really run. */
class SizeGuardAndPresetStagesTest {
    private static final String BIG = "x".repeat(6000);

    private static MemorySink guarded(String action, String... more) {
        MemorySink sink = new MemorySink();
        var b = TestRuntimes.builder()
                .plugin(sink)
                .setting("processors", "size-guard")
                .setting("processor.size-guard.max-bytes", "4KB")
                .setting("processor.size-guard.action", action);
        for (int i = 0; i < more.length; i += 2) {
            b.setting(more[i], more[i + 1]);
        }
        LogRuntime rt = b.buildRuntime();
        rt.logger("s").info("small", "a", 1);
        rt.logger("s").info("big " + BIG, "order_id", "o-1", "blob", BIG, "other", "y".repeat(3000), "keep", "k");
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.delivered()).as("size-guard never loses an event").isEqualTo(2);
        for (String line : sink.lines()) {
            JsonLines.checkText(line);
        }
        return sink;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(MemorySink sink, int i) {
        return (Map<String, Object>) sink.events().get(i).get("data");
    }

    @Test
    void truncateCutsTheMessageAndTheLargestFieldsButKeepsPreservedOnes() {
        MemorySink sink = guarded("truncate", "processor.size-guard.preserve-fields", "order_id,keep");
        assertThat(sink.lines().get(0)).doesNotContain("_truncated");
        String big = sink.lines().get(1);
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
        Map<String, Object> data = data(sink, 1);
        assertThat(data)
                .containsEntry("_truncated", true)
                .containsEntry("order_id", "o-1")
                .containsEntry("keep", "k");
        assertThat(data).doesNotContainKey("blob");
        assertThat((Number) data.get("_original_size"))
                .satisfies(n -> assertThat(n.intValue()).isGreaterThan(15_000));
        assertThat((String) sink.events().get(1).get("message"))
                .startsWith("big xxx")
                .endsWith("[truncated]");
    }

    @Test
    void dropReplacesTheFieldsWithAMarkerAndWarnLetsItThrough() {
        MemorySink dropped = guarded("drop");
        Map<String, Object> data = data(dropped, 1);
        assertThat(data).containsEntry("_dropped", true).containsEntry("_reason", "payload_size_exceeded");
        assertThat(data).doesNotContainKeys("blob", "order_id");
        assertThat(dropped.lines().get(1).length()).isLessThanOrEqualTo(4096);

        MemorySink warned = guarded("warn");
        assertThat(warned.lines().get(1)).contains(BIG);
    }

    private static MemorySink run(Preset preset) {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder()
                .preset(preset)
                .sinks() // the preset's stdout/file sinks replaced by the memory sink
                .plugin(sink)
                .buildRuntime();
        rt.logger("s")
                .info(
                        "connect to postgres://app:s3cret@db/x",
                        "password",
                        "hunter2",
                        "patient_id",
                        "P-991",
                        "body",
                        "{raw request}",
                        "note",
                        "card 4111 1111 1111 1111",
                        "city",
                        "Leeds");
        rt.drain(Duration.ofSeconds(5));
        assertThat(sink.lines()).hasSize(1);
        return sink;
    }

    @Test
    void eachPresetRunsTheStagesItConfigures() {
        String dev = run(Preset.DEV).lines().get(0);
        assertThat(dev)
                .as("dev: credentials masked, the rest as logged")
                .doesNotContain("hunter2", "s3cret")
                .contains("{raw request}", "\"host\"");

        String minimal = run(Preset.MINIMAL).lines().get(0);
        assertThat(minimal).as("minimal: no redactors").contains("hunter2", "s3cret");

        for (Preset p : List.of(Preset.PRODUCTION, Preset.SERVERLESS)) {
            String line = run(p).lines().get(0);
            assertThat(line)
                    .as("%s: CREDENTIALS, url-credentials, runtime-info", p)
                    .doesNotContain("hunter2", "s3cret")
                    .contains("\"password\":\"***\"", "\"host\"", "P-991", "{raw request}");
        }

        String hardened = run(Preset.HARDENED).lines().get(0);
        assertThat(hardened)
                .as("hardened: CREDENTIALS + HIPAA_PHI + PCI_DSS, field-blocker, value-scan")
                .doesNotContain("hunter2", "s3cret", "P-991", "{raw request}", "4111 1111 1111 1111", "Leeds")
                .contains("[REDACTED:HIGH_RISK_FIELD]", "\"host\"");
    }
}
