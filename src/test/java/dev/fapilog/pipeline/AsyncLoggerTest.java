package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.Acceptance;
import dev.fapilog.AsyncLogger;
import dev.fapilog.DrainResult;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.support.FaultSinks;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class AsyncLoggerTest {

    @Test
    void acceptedCallsReturnACompletedSharedStage() throws Exception {
        dev.fapilog.testing.MemorySink sink = new dev.fapilog.testing.MemorySink();
        LogRuntime rt = TestRuntimes.builder().plugin(sink).buildRuntime();
        AsyncLogger alog = rt.asyncLogger("a");
        CompletionStage<Acceptance> first = alog.info("Processing request", "user_id", 123);
        CompletionStage<Acceptance> second = alog.atInfo().with("k", 1).log("fluent");
        assertThat(first.toCompletableFuture().getNow(null)).isEqualTo(Acceptance.ACCEPTED);
        assertThat(second.toCompletableFuture().getNow(null)).isEqualTo(Acceptance.ACCEPTED);
        assertThat(alog.debug("below level").toCompletableFuture().getNow(null)).isEqualTo(Acceptance.DISABLED);
        assertThat(alog.atDebug().log("below").toCompletableFuture().getNow(null))
                .isEqualTo(Acceptance.DISABLED);
        // The shared stage cannot be corrupted through toCompletableFuture().
        first.toCompletableFuture().obtrudeValue(Acceptance.DROPPED_QUEUE_FULL);
        assertThat(alog.info("again").toCompletableFuture().getNow(null)).isEqualTo(Acceptance.ACCEPTED);
        rt.drain(Duration.ofSeconds(5));
        assertThat(alog.info("late").toCompletableFuture().getNow(null)).isEqualTo(Acceptance.DROPPED_AFTER_SHUTDOWN);
        JsonLines.checkLines(sink.lines());
        assertThat(sink.lines()).hasSize(3);
    }

    @Test
    @Timeout(
            value = 30,
            threadMode =
                    Timeout.ThreadMode
                            .SEPARATE_THREAD) // the sink is gated until after the calls: a call that blocked for space
    // would hang here
    void waitPolicyWaitsWithoutAThreadAndCompletesOffTheCallerAndWorker() throws Exception {
        FaultSinks.Gate gate = new FaultSinks.Gate("gate");
        LogRuntime rt = TestRuntimes.builder()
                .queueCapacity(4)
                .batchMaxSize(1)
                .waitWhenFull(Duration.ofSeconds(10))
                .plugin(gate)
                .buildRuntime();
        AsyncLogger alog = rt.asyncLogger("a");
        List<CompletableFuture<Acceptance>> stages = new ArrayList<>();
        CompletionStage<Acceptance> last = null;
        for (int i = 0; i < 40; i++) {
            last = alog.info("e", "i", i);
            stages.add(last.toCompletableFuture());
        }
        assertThat(stages.get(39)).isNotDone();

        AtomicReference<Thread> completedOn = new AtomicReference<>();
        // Observe through a copy nobody waits on: a thread blocked in get() may run a future's dependents itself.
        CompletableFuture<Void> observed =
                last.toCompletableFuture().thenRun(() -> completedOn.set(Thread.currentThread()));
        gate.open();
        for (CompletableFuture<Acceptance> s : stages) {
            assertThat(s.get(10, TimeUnit.SECONDS)).isEqualTo(Acceptance.ACCEPTED);
        }
        observed.get(10, TimeUnit.SECONDS);
        assertThat(completedOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(completedOn.get().getName()).doesNotContain("worker");

        DrainResult r = rt.drain(Duration.ofSeconds(10));
        assertThat(r.delivered()).isEqualTo(40);
        assertThat(r.stats().backpressureWaits()).isPositive();
        assertThat(r.stats().balanced()).isTrue();
        // Order survives the wait.
        List<String> lines = gate.rawLines().stream().map(String::new).toList();
        for (int i = 0; i < 40; i++) {
            assertThat(lines.get(i)).contains("\"i\":" + i + "}");
        }
    }

    @Test
    void expiredWaitsAreDroppedAndCounted() throws Exception {
        FaultSinks.Gate gate = new FaultSinks.Gate("gate");
        LogRuntime rt = TestRuntimes.builder()
                .queueCapacity(2)
                .batchMaxSize(1)
                .waitWhenFull(Duration.ofMillis(50))
                .plugin(gate)
                .buildRuntime();
        AsyncLogger alog = rt.asyncLogger("a");
        List<CompletableFuture<Acceptance>> stages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stages.add(alog.log(Level.INFO, "e", "i", i).toCompletableFuture());
        }
        long dropped = 0;
        for (CompletableFuture<Acceptance> s : stages.subList(5, 10)) {
            if (s.get(5, TimeUnit.SECONDS) == Acceptance.DROPPED_QUEUE_FULL) {
                dropped++;
            }
        }
        assertThat(dropped).isPositive();
        gate.open();
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.droppedByReason().get("queue_full")).isGreaterThanOrEqualTo(dropped);
        assertThat(r.stats().balanced()).isTrue();
        assertThat(r.submitted()).isEqualTo(10);
    }
}
