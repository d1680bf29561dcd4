package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.Acceptance;
import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.support.ChildJvm;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DrainTest {

    @Test
    void drainFlushesAndStopsSinksAndIsIdempotentAcrossThreads() throws Exception {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder()
                .batchTimeout(Duration.ofSeconds(30)) // only the drain can push this partial batch out
                .plugin(sink)
                .buildRuntime();
        Logger log = rt.logger("t");
        for (int i = 0; i < 1_000; i++) {
            log.info("e", "i", i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CyclicBarrier barrier = new CyclicBarrier(8);
        List<Future<DrainResult>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit((Callable<DrainResult>) () -> {
                barrier.await();
                return rt.drain(Duration.ofSeconds(10));
            }));
        }
        List<DrainResult> all = new ArrayList<>();
        for (Future<DrainResult> f : results) {
            all.add(f.get());
        }
        pool.shutdown();
        for (DrainResult r : all) {
            assertThat(r).isEqualTo(all.get(0));
        }
        DrainResult r = all.get(0);
        assertThat(r.completedInTime()).isTrue();
        assertThat(r.delivered()).isEqualTo(1_000);
        assertThat(r.pending()).isZero();
        assertThat(sink.size()).isEqualTo(1_000);
        assertThat(sink.isStopped()).isTrue();
        assertThat(sink.flushes()).isPositive();
        assertThat(rt.isDraining()).isTrue();
        assertThat(rt.drain(Duration.ofMillis(1))).isEqualTo(r);
    }

    @Test
    void eventsAfterDrainAreCountedWithOneDiagnostic() {
        List<String> diagnostics = TestRuntimes.diagnostics();
        LogRuntime rt =
                TestRuntimes.builder(diagnostics).plugin(new MemorySink()).buildRuntime();
        rt.drain(Duration.ofSeconds(5));
        Logger log = rt.logger("t");
        for (int i = 0; i < 100; i++) {
            log.info("late", "i", i);
        }
        assertThat(rt.asyncLogger("a").info("late").toCompletableFuture().getNow(null))
                .isEqualTo(Acceptance.DROPPED_AFTER_SHUTDOWN);
        assertThat(rt.stats().droppedByReason()).containsEntry("after_shutdown", 101L);
        assertThat(rt.stats().balanced()).isTrue();
        assertThat(diagnostics.stream().filter(l -> l.contains("\"key\":\"after_shutdown\"")))
                .hasSize(1);
        assertThat(rt.flush(Duration.ofMillis(100))).isTrue();
    }

    @Test
    void loggingFromTheWorkerThreadGoesToDiagnosticsNotTheQueue() {
        List<String> diagnostics = TestRuntimes.diagnostics();
        MemorySink sink = new MemorySink();
        LogRuntime[] holder = new LogRuntime[1];
        Enricher chatty = new Enricher() {
            @Override
            public String name() {
                return "chatty";
            }

            @Override
            public void enrich(MutableEvent event) {
                holder[0].logger("inside").info("from the worker");
            }
        };
        holder[0] =
                TestRuntimes.builder(diagnostics).plugin(sink).plugin(chatty).buildRuntime();
        Logger log = holder[0].logger("t");
        for (int i = 0; i < 10; i++) {
            log.info("outer", "i", i);
        }
        DrainResult r = holder[0].drain(Duration.ofSeconds(5));
        assertThat(sink.size()).isEqualTo(10);
        assertThat(r.droppedByReason()).containsEntry("pipeline_thread", 10L);
        assertThat(r.submitted()).isEqualTo(20);
        assertThat(r.stats().balanced()).isTrue();
        assertThat(diagnostics).anyMatch(l -> l.contains("log_from_pipeline_thread") && l.contains("from the worker"));
        diagnostics.forEach(JsonLines::checkTextIsJson);
    }

    @Test
    void aToStringThatLogsDoesNotDeadlockOrRecurse() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder().plugin(sink).buildRuntime();
        Logger log = rt.logger("t");
        Object selfLogging = new Object() {
            @Override
            public String toString() {
                log.info("logged from toString", "self", this);
                return "rendered";
            }
        };
        log.info("outer", "value", selfLogging);
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.stats().balanced()).isTrue();
        JsonLines.checkLines(sink.lines());
        assertThat(sink.lines()).anyMatch(l -> l.contains("\"message\":\"outer\"") && l.contains("rendered"));
        assertThat(sink.lines()).anyMatch(l -> l.contains("toString() recursion"));
    }

    @Test
    void flushWaitsForEverythingBeforeIt() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder()
                .batchTimeout(Duration.ofSeconds(30))
                .plugin(sink)
                .buildRuntime();
        Logger log = rt.logger("t");
        for (int i = 0; i < 500; i++) {
            log.info("e", "i", i);
        }
        assertThat(rt.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(sink.size()).isEqualTo(500);
        assertThat(sink.flushes()).isPositive();
        assertThat(rt.stats().pending()).isZero();
        assertThat(rt.stats().balanced()).isTrue();
        rt.drain(Duration.ofSeconds(5));
    }

    @Test
    void shutdownHookDrainsTheDefaultRuntime() throws Exception {
        ChildJvm.Result r =
                ChildJvm.run(HookMain.class, List.of("-Dfapilog.format=json", "-Dfapilog.batch.timeout=30s"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> lines = r.stdout().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).hasSize(HookMain.EVENTS);
        JsonLines.checkLines(lines);
        assertThat(r.stderr()).contains("fapilog runtime drained").contains("delivered=" + HookMain.EVENTS);
    }

    @Test
    void shutdownHookCanBeTurnedOff() throws Exception {
        ChildJvm.Result r = ChildJvm.run(
                HookMain.class,
                List.of("-Dfapilog.format=json", "-Dfapilog.batch.timeout=30s", "-Dfapilog.shutdown.hook=false"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().lines().filter(l -> l.startsWith("{"))).isEmpty();
    }

    /** Logs through the default runtime and exits without draining: the hook must write everything. */
    public static final class HookMain {
        static final int EVENTS = 200;

        public static void main(String[] args) {
            Logger log = dev.fapilog.Fapilog.getLogger(HookMain.class);
            for (int i = 0; i < EVENTS; i++) {
                log.info("before exit", "i", i);
            }
        }
    }
}
