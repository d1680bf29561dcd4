package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.SinkStats;
import dev.fapilog.support.FaultSinks;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A failing or slow sink must not cost a healthy sink beside it anything (DESIGN section 4). The first test is the
 * scenario issue 14 measured on the old main: a sink failing fast with a retryable error, at about 5,000 events/s, made
 * the healthy sink lose 1,416 of 15,000 events as {@code queue_full}.
 */
class SinkIsolationTest {

    @Test
    void aRetryingFailingSinkCostsTheHealthySinkNothing() {
        FaultSinks.Throwing failing = new FaultSinks.Throwing("failing", new IOException("refused"), -1, true);
        RecordingSink healthy = new RecordingSink("healthy");
        List<String> diagnostics = TestRuntimes.diagnostics();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .setting("sink.failing.circuit.failure-threshold", "0") // isolation alone, without the breaker
                .plugin(failing)
                .plugin(healthy)
                .buildRuntime();
        Logger log = rt.logger("iso");
        int events = 15_000;
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            log.info("event", "i", i);
            if (i % 5 == 4) { // about 5,000 events per second
                long due = start + (i + 1) * 200_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
        DrainResult r = rt.drain(Duration.ofSeconds(30));

        SinkStats h = r.sinks().get("healthy");
        assertThat(h.dropped())
                .as("healthy sink drops: %s", h.droppedByReason())
                .isZero();
        assertThat(h.delivered()).isEqualTo(events);
        assertThat(healthy.count()).isEqualTo(events);

        SinkStats f = r.sinks().get("failing");
        assertThat(f.delivered()).isZero();
        assertThat(f.failed() + f.dropped()).isEqualTo(events);
        assertThat(f.retries()).isPositive();
        assertThat(f.droppedByReason()).containsOnlyKeys("sink_backlog");
        assertThat(f.failedByReason()).containsOnlyKeys("exception");
        assertThat(f.accountedFor()).isEqualTo(r.submitted());
        assertThat(r.stats().balanced()).isTrue();
        assertThat(diagnostics).anyMatch(l -> l.contains("\"sink_backlog\""));
    }

    @Test
    void aSlowSinkShedsItsOwnBacklogWhileAFastOneKeepsUp() {
        FaultSinks.Slow slow = new FaultSinks.Slow("slow", 50_000_000L);
        RecordingSink fast = new RecordingSink("fast");
        LogRuntime rt = TestRuntimes.builder()
                .batchMaxSize(64)
                .plugin(slow)
                .plugin(fast)
                .buildRuntime();
        Logger log = rt.logger("iso");
        int events = 20_000;
        for (int i = 0; i < events; i++) {
            log.info("event", "i", i);
            if (i % 20 == 19) { // about 20,000 events per second: the slow sink takes about 1,300

                LockSupport.parkNanos(1_000_000L);
            }
        }
        DrainResult r = rt.drain(Duration.ofSeconds(30));
        assertThat(r.sinks().get("fast").delivered()).isEqualTo(events);
        SinkStats s = r.sinks().get("slow");
        assertThat(s.dropped()).isPositive();
        assertThat(s.droppedByReason()).containsOnlyKeys("sink_backlog");
        assertThat(s.delivered()).isEqualTo(slow.count()).isPositive();
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void aLoneSlowSinkStillGetsBackpressureInsteadOfShedding() {
        FaultSinks.Slow slow = new FaultSinks.Slow("slow", 2_000_000L);
        LogRuntime rt = TestRuntimes.builder()
                .batchMaxSize(16)
                .setting("queue.capacity", "64")
                .setting("backpressure.policy", "wait")
                .setting("backpressure.wait", "5s")
                .plugin(slow)
                .buildRuntime();
        Logger log = rt.logger("iso");
        for (int i = 0; i < 2_000; i++) {
            log.info("event", "i", i);
        }
        DrainResult r = rt.drain(Duration.ofSeconds(30));
        assertThat(r.dropped()).isZero();
        assertThat(slow.count()).isEqualTo(2_000);
    }
}
