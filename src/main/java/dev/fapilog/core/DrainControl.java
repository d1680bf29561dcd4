package dev.fapilog.core;

import dev.fapilog.DrainResult;
import dev.fapilog.PipelineStats;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Flush and drain of one runtime. {@code flush} waits until everything logged before it went through every sink;
 * {@code drain} closes intake, lets the worker finish and stop the sinks, and returns the result, once for every
 * caller however many call at once (hooks, containers, the application). Neither may be waited for on a pipeline
 * thread, which would wait for itself: there they return at once. Thread-safe.
 */
final class DrainControl {
    private static final long ABORT_GRACE_NANOS = 50_000_000L;

    private final EventQueue queue;
    private final Worker worker;
    private final AsyncWaits asyncWaits;
    private final Intake intake;
    private final DiagnosticsChannel diagnostics;
    private final Supplier<PipelineStats> stats;
    private final AtomicReference<DrainState> drain = new AtomicReference<>();
    private volatile Thread shutdownHook;

    /** The drain in progress or done, shared by every caller of {@link #drain}. */
    private static final class DrainState {
        final long startNanos = System.nanoTime();
        final CompletableFuture<DrainResult> result = new CompletableFuture<>();
    }

    DrainControl(
            EventQueue queue,
            Worker worker,
            AsyncWaits asyncWaits,
            Intake intake,
            DiagnosticsChannel diagnostics,
            Supplier<PipelineStats> stats) {
        this.queue = queue;
        this.worker = worker;
        this.asyncWaits = asyncWaits;
        this.intake = intake;
        this.diagnostics = diagnostics;
        this.stats = stats;
    }

    /** Registers a JVM shutdown hook that drains within {@code timeout}; removed again by the drain. */
    void addShutdownHook(String runtimeName, Duration timeout) {
        Thread hook = new Thread(() -> drain(timeout), "fapilog-shutdown-" + runtimeName);
        shutdownHook = hook;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean isDraining() {
        return drain.get() != null;
    }

    boolean flush(Duration deadline) {
        long deadlineNanos = System.nanoTime() + nanos(deadline);
        if (intake.isPipelineThread(Thread.currentThread())) {
            return false; // the worker cannot wait for itself
        }
        DrainState d = drain.get();
        if (d != null) {
            return await(d.result, deadlineNanos) != null;
        }
        FlushRequest request = new FlushRequest(queue.marks(), asyncWaits.lastSequence());
        worker.requestFlush(request);
        Boolean ok = await(request.done, deadlineNanos);
        return ok != null && ok;
    }

    DrainResult drain(Duration deadline) {
        long deadlineNanos = System.nanoTime() + nanos(deadline);
        DrainState mine = new DrainState();
        if (!drain.compareAndSet(null, mine)) {
            DrainState running = drain.get();
            DrainResult r = await(running.result, deadlineNanos);
            return r != null ? r : new DrainResult(stats.get(), elapsed(running), false);
        }
        queue.close();
        worker.requestDrain();
        if (intake.isPipelineThread(Thread.currentThread())) {
            return new DrainResult(stats.get(), elapsed(mine), false); // cannot wait for ourselves; the worker goes on
        }
        Boolean completed = await(worker.finished(), deadlineNanos);
        if (completed == null) {
            worker.requestAbort();
            completed = await(worker.finished(), System.nanoTime() + ABORT_GRACE_NANOS);
            if (completed == null) {
                diagnostics.warn(
                        "runtime",
                        "worker_stuck",
                        "The worker did not stop by the drain deadline (a plug-in"
                                + " is probably stuck); the result reports what is still pending");
                completed = false;
            }
        }
        asyncWaits.shutdown();
        removeShutdownHook();
        DrainResult result = new DrainResult(stats.get(), elapsed(mine), completed);
        mine.result.complete(result);
        diagnostics.info("runtime", "drained", "fapilog runtime drained: " + result.summary());
        return result;
    }

    private static Duration elapsed(DrainState d) {
        return Duration.ofNanos(System.nanoTime() - d.startNanos);
    }

    private static long nanos(Duration d) {
        if (d == null || d.isNegative()) {
            return 0;
        }
        try {
            return d.toNanos();
        } catch (ArithmeticException huge) {
            return Long.MAX_VALUE / 4;
        }
    }

    private static <T> T await(CompletableFuture<T> future, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        try {
            return left <= 0 ? future.getNow(null) : future.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return future.getNow(null);
        }
    }

    private void removeShutdownHook() {
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting; the hook will find the drain done.
            }
        }
    }
}
