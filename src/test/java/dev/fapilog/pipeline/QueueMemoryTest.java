package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.Acceptance;
import dev.fapilog.DrainResult;
import dev.fapilog.Fapilog;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.support.ChildJvm;
import dev.fapilog.support.FaultSinks;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The queue is bounded in bytes too ({@code queue.max-bytes}), so a hung sink and large values cannot run the
 * application out of memory. Issue 14 measured the old main: a sink that never returns and 100 KB string fields, and
 * 12,000 calls ran a 512 MB heap out of memory in the application's thread.
 */
class QueueMemoryTest {

    /** The scenario, in a JVM of its own with a small heap. */
    public static final class HungSinkLargeValues {
        public static void main(String[] args) {
            FaultSinks.Hanging hung = new FaultSinks.Hanging("hung");
            LogRuntime rt = Fapilog.builder()
                    .sinks()
                    .plugin(hung)
                    .shutdownHook(false)
                    .setting("diagnostics.enabled", "false")
                    .setting("sink.hung.timeout", "1m") // hangs through the whole run
                    .buildRuntime();
            Logger log = rt.logger("big");
            char[] chars = new char[100 * 1024];
            for (int i = 0; i < 12_000; i++) {
                chars[i % chars.length] = (char) ('a' + i % 26);
                log.info("large", "i", i, "blob", new String(chars)); // a new 100 KB string per call
            }
            DrainResult r = rt.drain(Duration.ofMillis(500));
            System.out.println("submitted=" + r.submitted() + " dropped=" + r.droppedByReason() + " balanced="
                    + r.stats().balanced());
            System.out.flush();
            Runtime.getRuntime().halt(0); // the hung sink's thread never ends
        }
    }

    @Test
    void aHungSinkAndHundredKilobyteValuesDoNotExhaustASmallHeap() throws Exception {
        ChildJvm.Result r = ChildJvm.run(HungSinkLargeValues.class, List.of("-Xmx192m"), Map.of());
        assertThat(r.stderr()).doesNotContain("OutOfMemoryError");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout())
                .contains("submitted=12000")
                .contains("queue_bytes=")
                .contains("balanced=true");
    }

    @Test
    void anEventOverTheBudgetIsDroppedAndCountedAndTheBudgetComesBack() {
        FaultSinks.Gate gate = new FaultSinks.Gate("gate");
        LogRuntime rt = TestRuntimes.builder()
                .setting("queue.max-bytes", "64KB")
                .setting("encoder.max-string-length", "100000")
                .batchMaxSize(1)
                .plugin(gate)
                .buildRuntime();
        Logger log = rt.logger("budget");
        String forty = "z".repeat(40_000);
        for (int i = 0; i < 6; i++) { // the gate holds the first batch; the worker fills its buffers and waits
            log.info("small", "i", i);
        }
        rt.flush(Duration.ofMillis(200));
        assertThat(rt.asyncLogger("budget")
                        .info("fits", "v", forty)
                        .toCompletableFuture()
                        .join())
                .isEqualTo(Acceptance.ACCEPTED);
        assertThat(rt.asyncLogger("budget")
                        .info("does not fit", "v", forty)
                        .toCompletableFuture()
                        .join())
                .isEqualTo(Acceptance.DROPPED_QUEUE_BYTES);
        assertThat(rt.asyncLogger("budget")
                        .info("small", "v", "s")
                        .toCompletableFuture()
                        .join())
                .as("small events are bounded by the count, not the budget")
                .isEqualTo(Acceptance.ACCEPTED);
        gate.open();
        assertThat(rt.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(rt.asyncLogger("budget")
                        .info("fits again", "v", forty)
                        .toCompletableFuture()
                        .join())
                .isEqualTo(Acceptance.ACCEPTED);
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.droppedByReason()).containsExactlyEntriesOf(Map.of("queue_bytes", 1L));
        assertThat(gate.count()).isEqualTo(9);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void largeStringsAreCutAtCaptureWithTheEncodersMarker() {
        RecordingSink sink = new RecordingSink("cut");
        LogRuntime rt = TestRuntimes.builder()
                .setting("encoder.max-string-length", "100")
                .plugin(sink)
                .buildRuntime();
        rt.logger("cut").info("m".repeat(500), "top", "t".repeat(500), "nested", Map.of("k", List.of("n".repeat(500))));
        rt.drain(Duration.ofSeconds(5));
        String line = new String(sink.rawLines().get(0), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(line)
                .doesNotContain("m".repeat(101))
                .doesNotContain("t".repeat(101))
                .doesNotContain("n".repeat(101));
        assertThat(line).contains("truncated");
    }
}
