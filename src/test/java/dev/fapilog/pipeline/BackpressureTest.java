package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.LoggerBuilder;
import dev.fapilog.support.FaultSinks;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BackpressureTest {

    /** One lane (no protected lane), one event per batch, and a sink that holds every write until opened. */
    private static LogRuntime gated(FaultSinks.Gate gate, int capacity, Duration wait) {
        LoggerBuilder b = TestRuntimes.builder()
                .queueCapacity(capacity)
                .protectedLevels()
                .batchMaxSize(1)
                .plugin(gate);
        return (wait == null ? b.dropWhenFull() : b.waitWhenFull(wait)).buildRuntime();
    }

    @Test
    void dropPolicyReturnsAtOnceAndCounts() {
        FaultSinks.Gate gate = new FaultSinks.Gate("gate");
        LogRuntime rt = gated(gate, 10, null);
        Logger log = rt.logger("t");
        for (int i = 0; i < 1_000; i++) {
            log.info("flood", "i", i);
        }
        assertThat(rt.stats().droppedByReason().get("queue_full")).isGreaterThan(900L);
        assertThat(rt.stats().queueHighWaterMark()).isEqualTo(10);
        gate.open();
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.stats().balanced()).isTrue();
        assertThat(r.submitted()).isEqualTo(1_000);
    }

    @Test
    void dropPolicyDoesNotCaptureWhatItDrops() {
        FaultSinks.Gate gate = new FaultSinks.Gate("gate");
        LogRuntime rt = gated(gate, 10, null);
        Logger log = rt.logger("t");
        AtomicInteger rendered = new AtomicInteger();
        Object value = new Object() {
            @Override
            public String toString() { // rendered on the caller thread when an event is captured
                rendered.incrementAndGet();
                return "v";
            }
        };
        for (int i = 0; i < 1_000; i++) {
            log.info("flood", "value", value);
        }
        long dropped = rt.stats().droppedByReason().get("queue_full");
        long accepted = 1_000 - dropped;
        assertThat(dropped).isGreaterThan(900L);
        // Only a call that finds the queue full after the worker last made room captures in vain, so the wasted
        // captures are fewer than the events the worker took (before the fast path: one per drop).
        assertThat(rendered.get() - accepted).isBetween(0L, accepted);
        gate.open();
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.stats().balanced()).isTrue();
        assertThat(r.delivered()).isEqualTo(accepted);
    }

    @Test
    void protectedLaneKeepsErrorsWhileInfoFloods() {
        FaultSinks.Gate gate = new FaultSinks.Gate("gate");
        LogRuntime rt = TestRuntimes.builder()
                .queueCapacity(10)
                .protectedQueueCapacity(10)
                .batchMaxSize(1)
                .plugin(gate)
                .buildRuntime();
        Logger log = rt.logger("t");
        for (int i = 0; i < 1_000; i++) {
            log.info("flood", "i", i);
        }
        for (int i = 0; i < 5; i++) {
            log.error("important", "i", i);
            log.audit("audit trail", "i", i);
        }
        gate.open();
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        long errorsAndAudits = gate.rawLines().stream()
                .map(String::new)
                .filter(l -> l.contains("\"level\":\"ERROR\"") || l.contains("\"level\":\"AUDIT\""))
                .count();
        assertThat(errorsAndAudits).isEqualTo(10);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    @Timeout(
            value = 30,
            threadMode =
                    Timeout.ThreadMode
                            .SEPARATE_THREAD) // each full-queue call waits about 20 ms; an unbounded wait would hang
    // here
    void waitPolicyWaitsBoundedThenDrops() {
        FaultSinks.Gate gate = new FaultSinks.Gate("gate");
        LogRuntime rt = gated(gate, 2, Duration.ofMillis(20));
        Logger log = rt.logger("t");
        for (int i = 0; i < 10; i++) {
            log.info("e", "i", i);
        }
        assertThat(rt.stats().droppedByReason().get("queue_full")).isPositive();
        gate.open();
        assertThat(rt.drain(Duration.ofSeconds(5)).stats().balanced()).isTrue();
    }

    @Test
    void waitingSucceedsWhenSpaceFrees() throws Exception {
        FaultSinks.Slow slow = new FaultSinks.Slow("slow", 1_000_000L);
        LogRuntime rt = TestRuntimes.builder()
                .queueCapacity(4)
                .batchMaxSize(1)
                .waitWhenFull(Duration.ofSeconds(5))
                .plugin(slow)
                .buildRuntime();
        Logger log = rt.logger("t");
        for (int i = 0; i < 100; i++) {
            log.info("e", "i", i);
        }
        DrainResult r = rt.drain(Duration.ofSeconds(10));
        assertThat(r.delivered()).isEqualTo(100);
        assertThat(r.stats().backpressureWaits()).isPositive();
    }

    @Test
    void interruptedCallerKeepsItsFlagAndTheCallStillWorks() {
        FaultSinks.Gate gate = new FaultSinks.Gate("gate");
        LogRuntime rt = gated(gate, 1, Duration.ofMillis(20));
        Logger log = rt.logger("t");
        Thread.currentThread().interrupt();
        try {
            for (int i = 0; i < 5; i++) {
                log.info("while interrupted", "i", i);
            }
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        gate.open();
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.submitted()).isEqualTo(5);
        assertThat(r.stats().balanced()).isTrue();
        assertThat(r.delivered()).isPositive();
    }

    @Test
    void levelIsAppliedBeforeAnyWork() {
        LogRuntime rt = TestRuntimes.builder()
                .level(Level.ERROR)
                .plugin(new FaultSinks.Gate("g"))
                .buildRuntime();
        Logger log = rt.logger("t");
        for (int i = 0; i < 10_000; i++) {
            log.info("ignored", "i", i);
        }
        assertThat(rt.stats().submitted()).isZero();
        rt.drain(Duration.ofMillis(10));
    }
}
