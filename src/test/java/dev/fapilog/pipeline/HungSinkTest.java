package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.support.FaultSinks;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sink that never returns must not stall the healthy sink, the callers, or the drain. */
class HungSinkTest {

    @Test
    void healthySinkGetsEverythingCallersNeverBlockDrainKeepsItsDeadline() throws Exception {
        FaultSinks.Hanging hung = new FaultSinks.Hanging("hung");
        RecordingSink healthy = new RecordingSink("healthy");
        List<String> diagnostics = TestRuntimes.diagnostics();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .name("hung")
                .batchMaxSize(16)
                .batchTimeout(Duration.ofMillis(5))
                .setting("sink.hung.timeout", "200ms")
                .plugin(hung)
                .plugin(healthy)
                .buildRuntime();
        try {
            Logger log = rt.logger("t");
            int events = 5_000;
            Thread producer = new Thread(() -> {
                for (int i = 0; i < events; i++) {
                    log.info("e", "i", i);
                }
            });
            producer.start();
            producer.join(10_000);
            assertThat(producer.isAlive())
                    .as("callers never block on a hung sink")
                    .isFalse();
            assertThat(hung.awaitEntered(5_000)).isTrue();

            assertThat(rt.flush(Duration.ofSeconds(10)))
                    .as("flush completes despite the hung sink")
                    .isTrue();
            assertThat(healthy.count()).isEqualTo(events);
            JsonLines.checkAll(healthy.bytes());

            long start = System.nanoTime();
            DrainResult r = rt.drain(Duration.ofMillis(500));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis)
                    .as("drain returns within its deadline plus 100 ms")
                    .isLessThanOrEqualTo(600);

            assertThat(r.pending()).isZero();
            assertThat(r.stats().balanced()).isTrue();
            assertThat(r.sinks().get("healthy").delivered()).isEqualTo(events);
            assertThat(r.sinks().get("hung").delivered()).isZero();
            assertThat(r.sinks().get("hung").failedByReason()).containsKey("timeout");
            assertThat(r.sinks().get("hung").droppedByReason()).containsKey("sink_stalled");
            assertThat(r.failed() + r.dropped()).isEqualTo(events);
            assertThat(diagnostics).anyMatch(l -> l.contains("write_timeout"));
            assertThat(hung.stopped()).isFalse();
            hung.release();
            assertThat(awaitStopped(hung))
                    .as("stopped by its own thread once the stuck call returns")
                    .isTrue();
        } finally {
            hung.release();
        }
    }

    @Test
    void drainShorterThanTheSinkDeadlineStillReturnsInTime() throws Exception {
        FaultSinks.Hanging hung = new FaultSinks.Hanging("hung");
        LogRuntime rt = TestRuntimes.builder()
                .batchMaxSize(1)
                .setting("sink.hung.timeout", "30s")
                .plugin(hung)
                .buildRuntime();
        try {
            Logger log = rt.logger("t");
            for (int i = 0; i < 100; i++) {
                log.info("e", "i", i);
            }
            assertThat(hung.awaitEntered(5_000)).isTrue();
            long start = System.nanoTime();
            DrainResult r = rt.drain(Duration.ofMillis(300));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).isLessThanOrEqualTo(400);
            assertThat(r.completedInTime()).isFalse();
            assertThat(r.pending()).isZero();
            assertThat(r.stats().balanced()).isTrue();
            assertThat(r.failedByReason()).containsEntry("timeout", 1L);
            assertThat(r.droppedByReason().get("shutdown_timeout")).isEqualTo(99L);
            hung.release();
            assertThat(awaitStopped(hung)).isTrue();
        } finally {
            hung.release();
        }
    }

    @Test
    void theWorkerDoesNotSpinWhileItsSinksAreBehind() throws Exception {
        FaultSinks.Hanging hung = new FaultSinks.Hanging("hung");
        LogRuntime rt = TestRuntimes.builder()
                .name("nospin")
                .batchMaxSize(8)
                .queueCapacity(100)
                .setting("sink.hung.timeout", "60s")
                .plugin(hung)
                .buildRuntime();
        try {
            Logger log = rt.logger("t");
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long worker = -1;
            for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (ti != null && ti.getThreadName().equals("fapilog-nospin-worker")) {
                    worker = ti.getThreadId();
                }
            }
            assertThat(worker).isPositive();
            long cpuBefore = mx.getThreadCpuTime(worker);
            long end = System.nanoTime() + 1_500_000_000L;
            while (System.nanoTime() < end) {
                log.info("flood while the only sink is stuck");
            }
            long cpuMillis = (mx.getThreadCpuTime(worker) - cpuBefore) / 1_000_000;
            // A spinning worker burns about a second of CPU per second here; a parked one a few milliseconds.
            assertThat(cpuMillis).as("worker CPU during 1.5 s of flood").isLessThan(400);
            assertThat(rt.stats().droppedByReason().get("queue_full")).isPositive();
        } finally {
            hung.release();
            rt.drain(Duration.ofSeconds(5));
        }
    }

    private static boolean awaitStopped(FaultSinks.Hanging sink) throws InterruptedException {
        for (int i = 0; i < 500 && !sink.stopped(); i++) {
            Thread.sleep(10);
        }
        return sink.stopped();
    }
}
