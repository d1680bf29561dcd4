package dev.fapilog.core;

import dev.fapilog.config.EngineSettings;
import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.Fatal;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkContext;
import dev.fapilog.spi.SinkWriteException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one sink on its own thread. Every call into the sink happens here, one at a time. The worker watches the
 * current write's start time and settles it as {@code failed(timeout)} when it overruns the sink's deadline; the sink
 * is then <em>stalled</em>: its queued batches are settled as {@code dropped(sink_stalled)} (or go to its fallback)
 * and new ones are not queued, until the stuck call returns and the runner takes batches again.
 *
 * <p>Each runner has a {@link CircuitBreaker}: while it is open, batches are not written but handed to the sink's
 * fallback runner (whose thread writes them, counted for this sink) or settled as {@code dropped(circuit_open)}.
 */
final class SinkRunner implements Runnable {
    /**
     * Batches that may wait for one sink. Shared buffers are bounded by their pool already; a routed sink's share is
     * a copy of its own, so this is what bounds the memory a slow routed sink can hold.
     */
    private static final int MAX_WAITING = 16;

    private final Sink sink;
    private final String name;
    private final int formatIndex;
    private final EngineSettings.SinkDelivery delivery;
    private final Accounting.SinkCounters counters;
    private final DiagnosticsChannel diagnostics;
    private final String runtimeName;
    private final Runnable wakeWorker;
    private final java.util.function.Consumer<Thread> adoptThread;
    private final SinkInbox inbox = new SinkInbox();

    private final CircuitBreaker breaker;
    private final SinkReports reports;
    private volatile SinkRunner fallback;
    private String fallbackName = "none";
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    private volatile Thread thread;
    private volatile SinkTask current;
    private volatile long currentStart;
    private volatile boolean stalled;
    private volatile boolean finished;
    private volatile boolean stopWhenRecovered;

    SinkRunner(
            Sink sink,
            String name,
            EngineSettings.SinkDelivery delivery,
            Accounting.SinkCounters counters,
            DiagnosticsChannel diagnostics,
            String runtimeName,
            Runnable wakeWorker,
            java.util.function.Consumer<Thread> adoptThread) {
        this.sink = sink;
        this.adoptThread = adoptThread;
        this.name = name;
        this.formatIndex = sink.format().ordinal();
        this.delivery = delivery;
        this.counters = counters;
        this.diagnostics = diagnostics;
        this.runtimeName = runtimeName;
        this.wakeWorker = wakeWorker;
        this.reports = new SinkReports(diagnostics, name, delivery);
        this.breaker = new CircuitBreaker(
                delivery.failureThreshold(), delivery.recovery().toNanos(), System::nanoTime, reports);
    }

    /** Where batches go while this sink's breaker is open or the sink is stalled; {@code null} to drop them. */
    void fallbackTo(SinkRunner runner, String name) {
        this.fallback = runner;
        this.fallbackName = name;
    }

    dev.fapilog.SinkState state() {
        return breaker.state(name, fallbackName, counters.diverted.get());
    }

    String name() {
        return name;
    }

    int formatIndex() {
        return formatIndex;
    }

    Thread thread() {
        return thread;
    }

    Accounting.SinkCounters counters() {
        return counters;
    }

    CompletableFuture<Void> started() {
        return started;
    }

    /**
     * Worker: hands a batch to this sink; when the sink is stalled, gone, or its breaker open, to its fallback, or
     * settles it at once.
     */
    void submit(SinkTask task) {
        if (stalled || finished) {
            divert(task, "sink_stalled");
            return;
        }
        if (inbox.size() >= MAX_WAITING) {
            shedOldest();
        }
        while (inbox.bytes() + task.length() > delivery.maxPendingBytes() && shedOldest()) {
            // the oldest waiting shares make room: a sink that fell behind holds a bounded amount of memory
        }
        switch (breaker.admit()) {
            case WRITE:
                inbox.add(task);
                break;
            case PROBE:
                task.probe = true;
                inbox.add(task);
                break;
            default:
                divert(task, "circuit_open");
        }
    }

    /**
     * Hands a share this sink will not write to its fallback, or settles it as {@code dropped(reason)}. A share that
     * is already a fallback's is never passed on again: it is dropped as {@code fallback_unavailable}.
     */
    private void divert(SinkTask task, String reason) {
        SinkRunner to = fallback;
        if (task.diverted()) {
            task.settle(Dispatch.DROPPED, "fallback_unavailable");
        } else if (to == null) {
            task.settle(Dispatch.DROPPED, reason);
        } else {
            counters.diverted.addAndGet(task.events);
            task.executor = to;
            to.takeDiverted(task);
        }
    }

    /** Any thread: a share of another sink, to write in its place. */
    private void takeDiverted(SinkTask task) {
        if (stalled || finished || !breaker.isClosed()) {
            task.settle(Dispatch.DROPPED, "fallback_unavailable");
        } else {
            inbox.add(task);
        }
    }

    /**
     * Worker: queues a flush or stop behind the batches. A stalled or finished sink acknowledges at once; a stalled
     * sink asked to stop is stopped by its own thread if its stuck call ever returns.
     */
    void control(SinkControl control) {
        if (stalled || finished) {
            stopWhenRecovered |= control.kind == SinkControl.Kind.STOP;
            control.acknowledge();
        } else {
            inbox.add(control);
            if (stalled) {
                control.acknowledge(); // stalled while we queued it: nobody will take it
            }
        }
    }

    /**
     * Worker: settles the current write as timed out if it overran the deadline.
     *
     * @return the nano time at which the current write will overrun, or {@code Long.MAX_VALUE} when idle
     */
    long checkDeadline(long now) {
        SinkTask t = current;
        if (t == null) {
            return Long.MAX_VALUE;
        }
        long deadline = currentStart + delivery.timeout().toNanos();
        if (now - deadline < 0) {
            return deadline;
        }
        if (t.settle(Dispatch.FAILED, "timeout")) {
            stalled = true;
            breaker.failed("timeout");
            reports.writeTimedOut(t.events);
            divertQueued("sink_stalled");
        }
        return Long.MAX_VALUE;
    }

    /** Whether this sink has nothing to do: no batch queued and none being written. Any thread; a moment's view. */
    boolean isIdle() {
        return current == null && inbox.isEmpty();
    }

    /** Batches (and controls) waiting behind the current write. */
    int backlog() {
        return inbox.size();
    }

    /**
     * Worker: settles the oldest batch waiting for this sink as {@code dropped(sink_backlog)}, so the buffer it holds
     * can serve the sinks that kept up, and reports it.
     *
     * @return {@code false} if no batch was waiting
     */
    boolean shedOldest() {
        SinkTask oldest = inbox.removeOldestTask();
        if (oldest == null) {
            return false;
        }
        oldest.settle(Dispatch.DROPPED, "sink_backlog");
        reports.backlogShed();
        return true;
    }

    /** Worker: settles everything queued (not the running write) and acknowledges queued controls. */
    void settleQueued(int outcome, String reason) {
        for (Object o : inbox.drain()) {
            if (o instanceof SinkTask) {
                ((SinkTask) o).settle(outcome, reason);
            } else {
                ((SinkControl) o).acknowledge();
            }
        }
    }

    /** Hands every queued share to the fallback (or settles it as dropped); acknowledges queued controls. */
    private void divertQueued(String reason) {
        for (Object o : inbox.drain()) {
            if (o instanceof SinkTask) {
                divert((SinkTask) o, reason);
            } else {
                ((SinkControl) o).acknowledge();
            }
        }
    }

    /** Worker, when the drain ran out of time: settles the running write too. */
    void abandonAll() {
        SinkTask t = current;
        if (t != null) {
            t.settle(Dispatch.FAILED, "timeout");
        }
        settleQueued(Dispatch.DROPPED, "shutdown_timeout");
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        // A pipeline thread from its first moment: what the sink's library logs while it starts (through a bridge
        // into this runtime) goes to diagnostics, before the worker registers the runtime's threads.
        adoptThread.accept(thread);
        try {
            sink.start(new Context());
            started.complete(null);
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            finished = true;
            started.completeExceptionally(failure);
            return;
        }
        while (true) {
            Object item;
            try {
                item = inbox.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                // Our own threads are never interrupted by us; a container may do it at undeploy. The drain's STOP
                // still ends this loop, so carry on.
                continue;
            }
            if (item == null) {
                continue;
            }
            try {
                if (item instanceof SinkTask) {
                    write((SinkTask) item);
                } else if (runControl((SinkControl) item)) {
                    return;
                }
                if (stopWhenRecovered && !stalled) {
                    // The drain stopped without us while we were stuck: close the sink now and end the thread.
                    runControl(new SinkControl(SinkControl.Kind.STOP, new java.util.concurrent.CountDownLatch(1)));
                    return;
                }
            } catch (Throwable unexpected) {
                Fatal.rethrowIfFatal(unexpected);
                reports.callFailed("runner", unexpected);
            } finally {
                wakeWorker.run();
            }
        }
    }

    private boolean runControl(SinkControl c) {
        boolean stop = c.kind == SinkControl.Kind.STOP;
        try {
            guarded("flush", sink::flush);
            if (stop) {
                guarded("stop", sink::stop);
            }
        } finally {
            if (stop) {
                finished = true;
            }
            c.acknowledge();
        }
        return stop;
    }

    /** A call into the sink that may throw anything. */
    private interface SinkCall {
        void run() throws Exception;
    }

    private void guarded(String what, SinkCall call) {
        try {
            call.run();
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            reports.callFailed(what, failure);
        }
    }

    private void write(SinkTask task) {
        if (!task.probe && !breaker.isClosed()) {
            divert(task, "circuit_open"); // queued before the breaker opened
            return;
        }
        if (!task.begin()) {
            return; // settled while queued (stalled sink, drain out of time)
        }
        long start = System.nanoTime();
        currentStart = start;
        current = task;
        int outcome = Dispatch.DELIVERED;
        String reason = null;
        Throwable lastFailure = null;
        long deadline = start + delivery.timeout().toNanos();
        long backoff = delivery.backoff().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                sink.write(task);
                break;
            } catch (Throwable failure) {
                Fatal.rethrowIfFatal(failure);
                lastFailure = failure;
                SinkWriteException described =
                        failure instanceof SinkWriteException ? (SinkWriteException) failure : null;
                long wait = waitBeforeRetry(backoff, described);
                boolean retry = failure instanceof Exception
                        && attempt < delivery.maxAttempts()
                        && (described != null ? described.isRetryable() : retryable((Exception) failure))
                        && System.nanoTime() + wait < deadline;
                if (!retry) {
                    outcome = Dispatch.FAILED;
                    reason = described != null ? described.reason() : "exception";
                    reports.writeFailed(task.events, attempt, failure);
                    break;
                }
                counters.retries.incrementAndGet();
                LockSupport.parkNanos(wait);
                backoff = Math.min(backoff * 2, Math.max(1, deadline - System.nanoTime()));
            }
        }
        current = null;
        boolean settledHere = task.settle(outcome, reason);
        if (settledHere && outcome == Dispatch.DELIVERED) {
            breaker.succeeded();
        } else if (settledHere) {
            breaker.failed(String.valueOf(lastFailure));
        }
        if (!settledHere && stalled) {
            stalled = false;
            reports.recovered();
        }
    }

    /**
     * The backoff with jitter (0.8 to 1.2 times, so that sinks failing together do not retry together), or the wait
     * the destination asked for when that is longer.
     */
    private static long waitBeforeRetry(long backoff, SinkWriteException described) {
        long wait = (long) (backoff
                * (0.8 + 0.4 * java.util.concurrent.ThreadLocalRandom.current().nextDouble()));
        if (described != null && described.retryAfter() != null) {
            wait = Math.max(wait, described.retryAfter().toNanos());
        }
        return Math.max(1, wait);
    }

    private boolean retryable(Exception failure) {
        try {
            return sink.isRetryable(failure);
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            return false;
        }
    }

    private final class Context implements SinkContext {
        @Override
        public String sinkName() {
            return name;
        }

        @Override
        public String runtimeName() {
            return runtimeName;
        }

        @Override
        public Diagnostics diagnostics() {
            return diagnostics;
        }

        @Override
        public void adoptThread(Thread thread) {
            adoptThread.accept(java.util.Objects.requireNonNull(thread, "thread"));
        }
    }
}
