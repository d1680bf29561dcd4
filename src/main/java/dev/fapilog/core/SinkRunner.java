package dev.fapilog.core;

import dev.fapilog.config.EngineSettings;
import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.Fatal;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one sink on its own thread. Every call into the sink happens here, one at a time. The worker watches the
 * current write's start time and settles it as {@code failed(timeout)} when it overruns the sink's deadline; the sink
 * is then <em>stalled</em>: its queued batches are settled as {@code dropped(sink_stalled)} and new ones are not
 * queued, until the stuck call returns and the runner takes batches again.
 */
final class SinkRunner implements Runnable {
    private final Sink sink;
    private final String name;
    private final int formatIndex;
    private final EngineSettings.SinkDelivery delivery;
    private final Accounting.SinkCounters counters;
    private final DiagnosticsChannel diagnostics;
    private final String runtimeName;
    private final Runnable wakeWorker;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
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
            Runnable wakeWorker) {
        this.sink = sink;
        this.name = name;
        this.formatIndex = sink.format().ordinal();
        this.delivery = delivery;
        this.counters = counters;
        this.diagnostics = diagnostics;
        this.runtimeName = runtimeName;
        this.wakeWorker = wakeWorker;
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

    /** Worker: hands a batch to this sink, or settles it at once when the sink is stalled or gone. */
    void submit(SinkTask task) {
        if (stalled || finished) {
            task.settle(Dispatch.DROPPED, "sink_stalled");
        } else {
            inbox.offer(task);
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
            inbox.offer(control);
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
            diagnostics.warn(
                    "sink",
                    "write_timeout",
                    "Sink write exceeded its deadline; the batch counts as failed(timeout) and the sink is skipped"
                            + " until the call returns",
                    "sink",
                    name,
                    "timeout_ms",
                    delivery.timeout().toMillis(),
                    "events",
                    t.dispatch.events);
            settleQueued(Dispatch.DROPPED, "sink_stalled");
        }
        return Long.MAX_VALUE;
    }

    /** Worker: settles everything queued (not the running write) and acknowledges queued controls. */
    void settleQueued(int outcome, String reason) {
        List<Object> pending = new ArrayList<>();
        inbox.drainTo(pending);
        for (Object o : pending) {
            if (o instanceof SinkTask) {
                ((SinkTask) o).settle(outcome, reason);
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
                diagnostics.warn(
                        "sink",
                        "runner_error",
                        "Unexpected error in the sink runner",
                        "sink",
                        name,
                        "error",
                        unexpected.toString());
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
            diagnostics.warn(
                    "sink", what + "_failed", "Sink " + what + " failed", "sink", name, "error", failure.toString());
        }
    }

    private void write(SinkTask task) {
        if (!task.begin()) {
            return; // settled while queued (stalled sink, drain out of time)
        }
        long start = System.nanoTime();
        currentStart = start;
        current = task;
        int outcome = Dispatch.DELIVERED;
        String reason = null;
        long deadline = start + delivery.timeout().toNanos();
        long backoff = delivery.backoff().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                sink.write(task.batch);
                break;
            } catch (Throwable failure) {
                Fatal.rethrowIfFatal(failure);
                boolean retry = failure instanceof Exception
                        && attempt < delivery.maxAttempts()
                        && retryable((Exception) failure)
                        && System.nanoTime() + backoff < deadline;
                if (!retry) {
                    outcome = Dispatch.FAILED;
                    reason = "exception";
                    diagnostics.warn(
                            "sink",
                            "write_failed",
                            "Sink write failed; the batch counts as failed",
                            "sink",
                            name,
                            "events",
                            task.dispatch.events,
                            "attempts",
                            attempt,
                            "error",
                            failure.toString());
                    break;
                }
                counters.retries.incrementAndGet();
                LockSupport.parkNanos(backoff);
                backoff = Math.min(backoff * 2, Math.max(1, deadline - System.nanoTime()));
            }
        }
        current = null;
        if (!task.settle(outcome, reason) && stalled) {
            stalled = false;
            diagnostics.info(
                    "sink",
                    "recovered",
                    "Sink call returned after its deadline; the sink takes batches" + " again",
                    "sink",
                    name);
        }
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
    }
}
