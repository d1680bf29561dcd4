package dev.fapilog.core;

import dev.fapilog.Acceptance;
import dev.fapilog.config.EngineSettings;
import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.Fatal;
import dev.fapilog.spi.PluginContext;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's one worker thread. It takes events from the queue (and async waits) into batches, closes a batch when
 * it is full or {@code batch.timeout} after its first event, runs the plug-in stages on each event, encodes it once
 * per format in use, and hands the encoded batch to every sink's runner. It never waits on a sink beyond that sink's
 * deadline, and it survives anything a plug-in throws.
 *
 * <p>Waking up: producers never signal the worker while it has work or a batch is forming (it re-polls at least every
 * millisecond then), so a log call pays for a wake-up only when it ends an idle period. While the worker waits for its
 * sinks (no free batch buffer, or acknowledgements of a flush or stop), only the sink threads wake it: a busy queue must
 * not, or the worker would spin a core exactly when the sinks are slow.
 */
final class Worker implements Runnable {
    private static final VarHandle IDLE;
    private static final VarHandle SINK_WAIT;
    private static final long MAX_POLL_NANOS = 1_000_000L;
    private static final long IDLE_PARK_NANOS = 1_000_000_000L;
    /**
     * An encoded batch is handed to the sinks once it holds this much, even before {@code batch.max-size} events: with
     * a few buffers per format, the worker's buffers then stay within a few times this (plus one event's
     * {@code encoder.max-event-bytes}) however large the events.
     */
    static final int MAX_BATCH_BYTES = 2 << 20;

    static {
        try {
            IDLE = MethodHandles.lookup().findVarHandle(Worker.class, "idle", int.class);
            SINK_WAIT = MethodHandles.lookup().findVarHandle(Worker.class, "sinkWait", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile int idle;
    private volatile int sinkWait;
    private volatile Thread thread;
    private volatile boolean drainRequested;
    private volatile boolean abortRequested;

    private final String runtimeName;
    private final EventQueue queue;
    private final Accounting accounting;
    private final DiagnosticsChannel diagnostics;
    private final Intake intake;
    private final AsyncWaits asyncWaits;
    private final DropReport dropReport;
    private final BatchEncoder encoder;
    private Stages stages;
    private final SinkRunners sinks;
    private final java.util.function.Supplier<RouteTable> routes;
    /** The sinks of each event kept in the current batch (routing), by position among the kept events. */
    private final long[] masks;

    private final LogEvent[] batch;
    private int batchSize;
    private long batchFirst;
    private final long batchTimeoutNanos;
    private final dev.fapilog.config.ValueLimits settingsLimits;
    private EventPreparation events; // made on the worker thread, with the started stages

    private final Flushes flushes = new Flushes();
    /** Whether a flush's events have all left the worker's hands (a field: the loop must not allocate). */
    private final java.util.function.Predicate<FlushRequest> flushCovered;

    private ControlRound sinksStopped;
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();

    /**
     * @param encoders one encoder per {@link dev.fapilog.spi.SinkFormat} ordinal, {@code null} where unused
     * @param batchesAhead buffers per format: how many batches may be with the sinks while the next one fills
     */
    Worker(
            String runtimeName,
            EngineSettings settings,
            EventQueue queue,
            Accounting accounting,
            DiagnosticsChannel diagnostics,
            Stages stages,
            Intake intake,
            AsyncWaits asyncWaits,
            EventEncoder[] encoders,
            SinkRunners sinks,
            java.util.function.Supplier<RouteTable> routes,
            int batchesAhead) {
        this.runtimeName = runtimeName;
        this.queue = queue;
        this.accounting = accounting;
        this.diagnostics = diagnostics;
        this.stages = stages;
        this.intake = intake;
        this.asyncWaits = asyncWaits;
        this.sinks = sinks;
        this.routes = routes;
        this.dropReport = new DropReport(accounting, diagnostics, queue.capacity());
        this.encoder = new BatchEncoder(
                encoders,
                sinks.main(),
                batchesAhead,
                settings.limits().maxEventBytes(),
                accounting,
                diagnostics,
                this::wakeFromSink);
        this.batch = new LogEvent[settings.batchMaxSize()];
        this.masks = new long[settings.batchMaxSize()];
        this.batchTimeoutNanos = settings.batchTimeout().toNanos();
        this.settingsLimits = settings.limits();
        this.flushCovered =
                f -> batchSize == 0 && queue.consumedUpTo(f.marks) && asyncWaits.before(f.lastAsyncWait) == 0;
    }

    Thread thread() {
        return thread;
    }

    /** Completes when the worker has stopped: {@code true} if every sink was flushed and stopped in time. */
    CompletableFuture<Boolean> finished() {
        return finished;
    }

    /** Wakes the worker if it is parked idle; cheap when it is not. Any thread. */
    void wake() {
        if (idle != 0 && IDLE.compareAndSet(this, 1, 0)) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Wakes the worker if it is idle or waiting for its sinks; called by sink threads and by new async waits. */
    void wakeFromSink() {
        if ((sinkWait != 0 && SINK_WAIT.compareAndSet(this, 1, 0)) || (idle != 0 && IDLE.compareAndSet(this, 1, 0))) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Whether the worker is parked with nothing to do (producers then wake it). */
    boolean isIdle() {
        return idle != 0;
    }

    void requestDrain() {
        drainRequested = true;
        forceWake();
    }

    void requestAbort() {
        abortRequested = true;
        forceWake();
    }

    void requestFlush(FlushRequest request) {
        flushes.add(request);
        forceWake();
    }

    private void forceWake() {
        idle = 0;
        sinkWait = 0;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        stages = stages.start(new StageContext());
        events = new EventPreparation(stages, settingsLimits, accounting, diagnostics);
        boolean done = false;
        while (!done) {
            try {
                done = step();
            } catch (Throwable bug) {
                Fatal.rethrowIfFatal(bug);
                diagnostics.warn(
                        "worker",
                        "unexpected_error",
                        "Unexpected error in the worker loop; it goes on",
                        "error",
                        bug.toString());
                LockSupport.parkNanos(MAX_POLL_NANOS);
            }
        }
    }

    /** One turn of the loop; {@code true} when the worker has finished. */
    private boolean step() {
        long now = System.nanoTime();
        long nextSinkDeadline = checkSinks(now);
        if (abortRequested) {
            abort();
            return true;
        }
        expireAsyncWaits(now);
        dropReport.tick(now);
        accounting.queueDepthSeen(queue.size());
        collect(now);
        boolean urgent = drainRequested || flushes.pending();
        if (batchSize > 0 && (batchSize == batch.length || urgent || now - batchFirst >= batchTimeoutNanos)) {
            if (!processBatch() && !sinks.shedLagging()) {
                waitForSinks(nextSinkDeadline - now); // no free buffer: the sinks are behind
            }
            return false;
        }
        if (flushes.progress(flushCovered, sinks.groups())) {
            return false;
        }
        if (drainRequested && batchSize == 0 && queue.isEmpty() && asyncWaits.count() == 0) {
            if (sinksStopped == null) {
                sinksStopped = new ControlRound(SinkControl.Kind.STOP, sinks.groups());
            }
            if (sinksStopped.advance()) {
                stages.stop();
                flushes.completeAll(true);
                finished.complete(true);
                return true;
            }
            waitForSinks(nextSinkDeadline - now);
            return false;
        }
        if (batchSize > 0 || !queue.isEmpty()) {
            if (!queue.isEmpty() && batchSize < batch.length) {
                Thread.onSpinWait(); // an index is claimed but its event not yet stored: it is nanoseconds away
                return false;
            }
            long untilBatchDue = batchFirst + batchTimeoutNanos - now;
            park(Math.min(Math.min(untilBatchDue, MAX_POLL_NANOS), nextSinkDeadline - now), false);
            return false;
        }
        long waitAsync = asyncWaits.count() > 0 ? MAX_POLL_NANOS : IDLE_PARK_NANOS;
        park(Math.min(waitAsync, nextSinkDeadline - now), true);
        return false;
    }

    private long checkSinks(long now) {
        long next = sinks.checkDeadlines(now);
        return next == Long.MAX_VALUE ? now + IDLE_PARK_NANOS : next;
    }

    private void park(long nanos, boolean wakeable) {
        if (nanos <= 0) {
            return;
        }
        if (wakeable) {
            idle = 1;
            // Re-check after publishing the flag: a producer that offered before seeing it must not be missed.
            if (!queue.isEmpty() || abortRequested || (!drainRequested && flushes.waiting())) {
                idle = 0;
                return;
            }
        }
        LockSupport.parkNanos(this, nanos);
        idle = 0;
    }

    /**
     * Parks until a sink thread reports progress, a request arrives, or {@code nanos} pass (at most a millisecond while
     * async waits are pending, so that they still expire on time).
     */
    private void waitForSinks(long nanos) {
        if (nanos <= 0) {
            return;
        }
        sinkWait = 1;
        if (abortRequested || encoder.anyBufferFree() || (sinksStopped != null && sinksStopped.groupAcknowledged())) {
            sinkWait = 0;
            return;
        }
        // Read after publishing sinkWait: an async wait added before it is seen here, one added after it wakes us
        // (waitAsync calls wakeFromSink). Reading it first let a wait slip in and sleep until the sink's deadline.
        if (asyncWaits.count() > 0) {
            nanos = Math.min(nanos, MAX_POLL_NANOS);
        }
        LockSupport.parkNanos(this, nanos);
        sinkWait = 0;
    }

    private void collect(long now) {
        int before = batchSize;
        while (batchSize < batch.length) {
            PendingOffer w = asyncWaits.peek();
            if (w != null && queue.consumedUpTo(w.marks) && asyncWaits.take(w)) {
                intake.released(w.event);
                add(w.event, now);
                asyncWaits.complete(w, Acceptance.ACCEPTED);
                accounting.backpressureWaits.increment();
                continue;
            }
            LogEvent e = queue.poll();
            if (e == null) {
                break;
            }
            intake.released(e);
            add(e, now);
        }
        int taken = batchSize - before;
        if (taken > 0) {
            accounting.inWorkerHands.addAndGet(taken);
            intake.signalSpace();
        }
    }

    private void add(LogEvent e, long now) {
        if (batchSize == 0) {
            batchFirst = now;
        }
        batch[batchSize++] = e;
    }

    private void expireAsyncWaits(long now) {
        if (drainRequested) {
            return; // everything already accepted goes through the drain
        }
        PendingOffer w;
        // A wait is bounded: not taken into a batch by its deadline means dropped, whatever held it up.
        while ((w = asyncWaits.peek()) != null && now - w.deadlineNanos > 0 && asyncWaits.take(w)) {
            intake.released(w.event);
            accounting.runtimeDropped.add("queue_full", 1);
            asyncWaits.complete(w, Acceptance.DROPPED_QUEUE_FULL);
        }
    }

    /** Runs the stages and encoders over the batch and dispatches it; {@code false} if no buffer is free. */
    private boolean processBatch() {
        if (!encoder.acquire()) {
            return false;
        }
        int kept = 0;
        int n = batchSize;
        int done = 0;
        RouteTable table = routes.get();
        boolean routed = table.isActive();
        while (done < n) {
            LogEvent e = batch[done];
            batch[done++] = null;
            long mask = events.prepare(e, table);
            if (mask != 0 && encoder.encode(events.work())) {
                masks[kept++] = mask;
            } else if (mask != 0) {
                accounting.runtimeFailed.add("encoding", 1);
            }
            if (encoder.heldBytes() >= MAX_BATCH_BYTES) {
                break; // large events: the rest goes into the next buffer, so memory is bounded by bytes too
            }
        }
        if (done < n) {
            System.arraycopy(batch, done, batch, 0, n - done);
            java.util.Arrays.fill(batch, n - done, n, null);
            batchFirst -= batchTimeoutNanos; // what is left is due already
        }
        batchSize = n - done;
        if (kept > 0) {
            encoder.dispatch(kept, routed ? masks : null);
        }
        accounting.inWorkerHands.addAndGet(-done);
        return true;
    }

    /** Out of time during a drain: settle everything that is left, as quickly as possible. */
    private void abort() {
        int n = batchSize;
        for (int i = 0; i < n; i++) {
            batch[i] = null;
        }
        batchSize = 0;
        long left = n;
        for (int spins = 0; !queue.isEmpty() && spins < 1_000_000; spins++) {
            if (queue.poll() != null) {
                left++;
                spins = 0;
            } else {
                Thread.onSpinWait();
            }
        }
        accounting.runtimeDropped.add("shutdown_timeout", left);
        accounting.inWorkerHands.addAndGet(-n);
        PendingOffer w;
        while ((w = asyncWaits.peek()) != null) {
            if (asyncWaits.take(w)) {
                accounting.runtimeDropped.add("shutdown_timeout", 1);
                asyncWaits.complete(w, Acceptance.DROPPED_AFTER_SHUTDOWN);
            }
        }
        sinks.abandonAll();
        flushes.completeAll(false);
        finished.complete(false);
    }

    private final class StageContext implements PluginContext {
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
