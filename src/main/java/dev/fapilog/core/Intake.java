package dev.fapilog.core;

import dev.fapilog.Acceptance;
import dev.fapilog.Level;
import dev.fapilog.LogContext;
import dev.fapilog.config.BackpressurePolicy;
import dev.fapilog.config.ValueLimits;
import dev.fapilog.spi.Fatal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The caller side of one runtime: captures an event on the logging thread and offers it to the queue, applying the
 * backpressure policy when its lane is full (drop at once; or wait a bounded time, parked for the plain facade and
 * without a thread for the async one). Never does I/O, and never throws but for the errors {@link Fatal} names
 * (out of memory in a value's {@code toString}, for one); every event it does not accept is counted with its reason. Thread-safe: called by any number of application threads.
 */
final class Intake {
    /** {@code log} flag: the fields already went through {@link ValueCapture}. */
    static final int FIELDS_CAPTURED = 1;
    /** {@code log} flag: the event skips every redactor (the loudly named unsafe builder call). */
    static final int UNREDACTED = 2;

    private static final long MAX_SPACE_WAIT_PARK_NANOS = 1_000_000L;

    @SuppressWarnings("unchecked")
    private static final CompletionStage<Acceptance>[] COMPLETED = new CompletionStage[Acceptance.values().length];

    static {
        for (Acceptance a : Acceptance.values()) {
            COMPLETED[a.ordinal()] = CompletableFuture.completedStage(a);
        }
    }

    private final String runtimeName;
    private final EventQueue queue;
    private final Accounting accounting;
    private final DiagnosticsChannel diagnostics;
    private final ValueLimits limits;
    private final String mask;
    private final BackpressurePolicy policy;
    private final long waitNanos;
    private final CallerCaptures callerCapture;
    private final AsyncWaits asyncWaits;
    private final QueueBytes bytes;
    private final LongAdder queueFullDrops;
    private final ConcurrentLinkedQueue<Thread> spaceWaiters = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean afterShutdownReported = new AtomicBoolean();
    private volatile Thread[] pipelineThreads = new Thread[0];
    private volatile Worker worker;
    private boolean levelsFrozen;

    Intake(
            String runtimeName,
            EventQueue queue,
            Accounting accounting,
            DiagnosticsChannel diagnostics,
            ValueLimits limits,
            String mask,
            BackpressurePolicy policy,
            long waitNanos,
            CallerCaptures callerCapture,
            AsyncWaits asyncWaits,
            QueueBytes bytes) {
        this.runtimeName = runtimeName;
        this.queue = queue;
        this.accounting = accounting;
        this.diagnostics = diagnostics;
        this.limits = limits;
        this.mask = mask;
        this.policy = policy;
        this.waitNanos = waitNanos;
        this.callerCapture = callerCapture;
        this.asyncWaits = asyncWaits;
        this.bytes = bytes;
        this.queueFullDrops = accounting.intakeDropped.counter("queue_full");
    }

    /** Connects the worker and the pipeline's threads, before the runtime is handed out. */
    void attach(Worker worker, Thread[] pipelineThreads) {
        this.worker = worker;
        synchronized (this) { // keep the threads sinks adopted while they started
            Thread[] adopted = this.pipelineThreads;
            Thread[] all = java.util.Arrays.copyOf(pipelineThreads, pipelineThreads.length + adopted.length);
            System.arraycopy(adopted, 0, all, pipelineThreads.length, adopted.length);
            this.pipelineThreads = all;
        }
    }

    /** A thread a sink's library made for it ({@code SinkContext.adoptThread}): logging on it is diverted too. */
    synchronized void adopt(Thread thread) {
        Thread[] all = java.util.Arrays.copyOf(pipelineThreads, pipelineThreads.length + 1);
        all[all.length - 1] = thread;
        pipelineThreads = all;
    }

    ValueLimits limits() {
        return limits;
    }

    /** The redaction mask, for values marked sensitive at capture. */
    String mask() {
        return mask;
    }

    boolean isPipelineThread(Thread t) {
        for (Thread p : pipelineThreads) {
            if (p == t) {
                return true;
            }
        }
        return false;
    }

    static CompletionStage<Acceptance> completed(Acceptance a) {
        return COMPLETED[a.ordinal()];
    }

    /**
     * Captures and enqueues one event. Never throws, but for a {@linkplain Fatal fatal} error.
     *
     * @param flags {@link #FIELDS_CAPTURED} when {@code keyValues} already went through {@link ValueCapture},
     *     {@link #UNREDACTED} for an event no redactor may touch
     */
    Acceptance log(
            Level level,
            String logger,
            String message,
            Throwable error,
            Object[] keyValues,
            int flags,
            Object[] bound) {
        try {
            return offer(admit(level, logger, message, error, keyValues, flags, bound, null, LogEvent.NATIVE));
        } catch (Throwable bug) {
            Fatal.rethrowIfFatal(bug);
            return internalError(bug);
        }
    }

    /** The async facade's entry: like {@link #log}, but a full lane under {@code wait} waits without a thread. */
    CompletionStage<Acceptance> logAsync(
            Level level,
            String logger,
            String message,
            Throwable error,
            Object[] keyValues,
            int flags,
            Object[] bound) {
        try {
            Object admitted = admit(level, logger, message, error, keyValues, flags, bound, null, LogEvent.NATIVE);
            if (admitted instanceof Acceptance) {
                return completed((Acceptance) admitted);
            }
            LogEvent e = (LogEvent) admitted;
            if (policy == BackpressurePolicy.WAIT && asyncWaits.count() > 0) {
                return waitAsync(e); // stay behind earlier waits, so async events keep their order
            }
            Acceptance now = enqueue(e);
            if (now == null && policy == BackpressurePolicy.WAIT && worker != null) {
                return waitAsync(e);
            }
            if (now == null) {
                now = queueFull();
            }
            if (now != Acceptance.ACCEPTED) {
                bytes.release(e);
            }
            return completed(now);
        } catch (Throwable bug) {
            Fatal.rethrowIfFatal(bug);
            return completed(internalError(bug));
        }
    }

    /**
     * The bridges' entry ({@link dev.fapilog.spi.BridgeLogger}): like {@link #log}, with the event's origin and the
     * name of the thread that logged it (or {@code null} for the current one); the level was checked by the bridge.
     */
    Acceptance logBridged(
            Level level,
            String logger,
            String message,
            Throwable error,
            Object[] keyValues,
            String thread,
            String origin) {
        try {
            return offer(admit(level, logger, message, error, keyValues, 0, FacadeBase.NO_FIELDS, thread, origin));
        } catch (Throwable bug) {
            Fatal.rethrowIfFatal(bug);
            return internalError(bug);
        }
    }

    /** The plain entries' second half: enqueues an admitted event, under the backpressure policy. */
    private Acceptance offer(Object admitted) {
        if (admitted instanceof Acceptance) {
            return (Acceptance) admitted;
        }
        LogEvent e = (LogEvent) admitted;
        Acceptance now = enqueue(e);
        if (now == null) {
            now = policy == BackpressurePolicy.WAIT && worker != null ? waitForSpace(e) : queueFull();
        }
        if (now != Acceptance.ACCEPTED) {
            bytes.release(e);
        }
        return now;
    }

    /**
     * What every entry (plain, async, bridged) does first: an event from a pipeline thread is diverted, one that would
     * be dropped anyway is dropped before it is captured; otherwise the captured event. Returns an {@link Acceptance} or a {@link LogEvent}
     * (an {@code Object}, so that the common path allocates nothing beyond the event).
     */
    private Object admit(
            Level level,
            String logger,
            String message,
            Throwable error,
            Object[] keyValues,
            int flags,
            Object[] bound,
            String thread,
            String origin) {
        if (isPipelineThread(Thread.currentThread())) {
            return divert(level, logger, message);
        }
        if (dropsBeforeCapture(level)) {
            return queueFull();
        }
        LogEvent e = capture(level, logger, message, error, keyValues, flags, bound, thread, origin);
        if (!bytes.tryCharge(e)) {
            accounting.droppedAtIntake("queue_bytes");
            return Acceptance.DROPPED_QUEUE_BYTES;
        }
        return e;
    }

    /** The event left the queue (or an async wait) for good: its bytes leave the budget. Worker thread. */
    void released(LogEvent e) {
        bytes.release(e);
    }

    /** Offers once: {@code ACCEPTED}, {@code DROPPED_AFTER_SHUTDOWN}, or {@code null} when the lane is full. */
    private Acceptance enqueue(LogEvent e) {
        int r = queue.offer(e);
        if (r == MpscLane.OK) {
            Worker w = worker;
            if (w != null && w.isIdle()) { // null: not launched yet, the event waits for the worker
                w.wake();
            }
            return Acceptance.ACCEPTED;
        }
        if (r == MpscLane.CLOSED) {
            return afterShutdown();
        }
        accounting.queueDepthSeen(queue.size());
        return null;
    }

    /**
     * Under {@code drop}, an event whose lane is already full is dropped before it is captured: an overloaded caller
     * then reads the lane's indices instead of building a snapshot it would throw away (30 ns and no allocation of its
     * own, against a full capture), and makes half the garbage, so the collector, which must copy the full queue's live
     * events at every young collection, runs half as often while a sink hangs. While the queue has room this costs
     * one flag read (see {@link EventQueue#isFull}).
     */
    private boolean dropsBeforeCapture(Level level) {
        if (policy != BackpressurePolicy.DROP || !queue.isFull(level)) {
            return false;
        }
        accounting.queueDepthSeen(queue.size());
        return true;
    }

    private Acceptance queueFull() {
        queueFullDrops.increment();
        return Acceptance.DROPPED_QUEUE_FULL;
    }

    private LogEvent capture(
            Level level,
            String logger,
            String message,
            Throwable error,
            Object[] keyValues,
            int flags,
            Object[] bound,
            String thread,
            String origin) {
        if (!levelsFrozen) {
            Level.freezeRegistry("runtime '" + runtimeName + "'");
            levelsFrozen = true;
        }
        long now = System.nanoTime();
        Object[] kv = keyValues == null ? FacadeBase.NO_FIELDS : keyValues;
        int count = kv.length;
        if (error == null && (count & 1) == 1 && kv[count - 1] instanceof Throwable) {
            error = (Throwable) kv[count - 1]; // SLF4J's convention: a trailing throwable is the exception
            count--;
        }
        Object[] fields = count == 0 || (flags & FIELDS_CAPTURED) != 0 ? kv : ValueCapture.fields(kv, count, limits);
        ThrowableSnapshot snapshot = error == null ? null : ThrowableCapture.capture(error, limits);
        String text = message == null ? null : ValueCapture.cut(message, limits);
        return new LogEvent(
                now,
                level,
                logger,
                text,
                thread != null ? thread : Thread.currentThread().getName(),
                origin,
                fields,
                count,
                bound,
                LogContext.snapshot(),
                snapshot,
                callerCapture == null ? null : callerCapture.safeCapture(),
                (flags & UNREDACTED) != 0,
                EventSizes.excess(text, fields, count, snapshot));
    }

    /**
     * The {@code wait} policy for the plain facade: parks until the worker has made room, the caller's deadline passes,
     * or the runtime closes. The worker wakes waiting callers after each batch it takes from the queue, so a caller
     * offered into a full queue wakes about once per batch instead of once per freed slot; the park is still capped at
     * a millisecond, so a lost or late signal costs at most that.
     */
    private Acceptance waitForSpace(LogEvent e) {
        long deadline = System.nanoTime() + waitNanos;
        Thread me = Thread.currentThread();
        spaceWaiters.add(me); // before the next offer, so a worker that frees room after that offer sees us
        try {
            while (true) {
                int r = queue.offer(e);
                if (r == MpscLane.OK) {
                    accounting.backpressureWaits.increment();
                    return Acceptance.ACCEPTED;
                }
                if (r == MpscLane.CLOSED) {
                    return afterShutdown();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return queueFull();
                }
                if (me.isInterrupted()) {
                    Thread.yield(); // parking returns at once while interrupted; the flag stays set for the caller
                } else {
                    LockSupport.parkNanos(this, Math.min(left, MAX_SPACE_WAIT_PARK_NANOS));
                }
            }
        } finally {
            spaceWaiters.remove(me);
        }
    }

    /** Worker, after taking events from the queue: wakes the callers waiting for room. */
    void signalSpace() {
        if (!spaceWaiters.isEmpty()) {
            for (Thread t : spaceWaiters) {
                LockSupport.unpark(t);
            }
        }
    }

    private CompletionStage<Acceptance> waitAsync(LogEvent e) {
        if (asyncWaits.count() >= queue.capacity()) {
            bytes.release(e);
            return completed(queueFull());
        }
        PendingOffer w = asyncWaits.add(e, queue.marks(), System.nanoTime() + waitNanos);
        accounting.asyncWaitsStarted.increment();
        if (queue.isClosedForProducers() && asyncWaits.take(w)) {
            // Raced with a drain that may already have passed the async waits: count it as after shutdown.
            bytes.release(e);
            accounting.runtimeDropped.add("after_shutdown", 1);
            return completed(Acceptance.DROPPED_AFTER_SHUTDOWN);
        }
        worker.wakeFromSink(); // also when it waits for a sink: the wait must expire on time
        return w.result.minimalCompletionStage();
    }

    private Acceptance divert(Level level, String logger, String message) {
        accounting.droppedAtIntake("pipeline_thread");
        diagnostics.warn(
                "pipeline",
                "log_from_pipeline_thread",
                "An event logged on a fapilog pipeline thread went to diagnostics instead of the queue",
                "event_level",
                level.name(),
                "event_logger",
                logger,
                "event_message",
                message);
        return Acceptance.DROPPED_PIPELINE_THREAD;
    }

    private Acceptance afterShutdown() {
        accounting.droppedAtIntake("after_shutdown");
        if (!afterShutdownReported.get() && afterShutdownReported.compareAndSet(false, true)) {
            diagnostics.warn(
                    "runtime",
                    "after_shutdown",
                    "Events logged after the drain started are dropped and counted as dropped(after_shutdown);"
                            + " this is reported once");
        }
        return Acceptance.DROPPED_AFTER_SHUTDOWN;
    }

    private Acceptance internalError(Throwable bug) {
        try {
            accounting.droppedAtIntake("internal_error");
            diagnostics.warn(
                    "runtime",
                    "internal_error",
                    "fapilog failed to capture an event (a bug; please report" + " it)",
                    "error",
                    bug.toString());
        } catch (Throwable ignored) {
            Fatal.rethrowIfFatal(ignored);
            // Nothing more can be done without risking an exception in the caller.
        }
        return Acceptance.DROPPED_INTERNAL_ERROR;
    }
}
