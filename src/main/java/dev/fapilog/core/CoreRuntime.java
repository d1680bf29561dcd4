package dev.fapilog.core;

import dev.fapilog.Acceptance;
import dev.fapilog.AsyncLogger;
import dev.fapilog.ConfigProblem;
import dev.fapilog.ConfigurationException;
import dev.fapilog.DrainResult;
import dev.fapilog.FilterStats;
import dev.fapilog.Level;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.PipelineStats;
import dev.fapilog.config.BackpressurePolicy;
import dev.fapilog.config.EngineSettings;
import dev.fapilog.config.ProblemCodes;
import dev.fapilog.config.ValueLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One pipeline: queue, worker, sink runners, counters, and the caller-side capture used by every logger of this
 * runtime. Created by {@link #start}; see {@link LogRuntime} for the contract.
 */
public final class CoreRuntime implements LogRuntime {

    private static final long DROP_REPORT_INTERVAL_NANOS = 1_000_000_000L;
    private static final long MAX_SPACE_WAIT_PARK_NANOS = 1_000_000L;
    private static final long ABORT_GRACE_NANOS = 50_000_000L;

    @SuppressWarnings("unchecked")
    private static final CompletionStage<Acceptance>[] COMPLETED = new CompletionStage[Acceptance.values().length];

    static {
        for (Acceptance a : Acceptance.values()) {
            COMPLETED[a.ordinal()] = CompletableFuture.completedStage(a);
        }
    }

    private final EngineSettings settings;
    private final String name;
    private final DiagnosticsChannel diagnostics;
    private Accounting accounting; // set in startThreads(), before any thread that uses it starts
    private final EventQueue queue;
    private final ValueLimits limits;
    private final BackpressurePolicy policy;
    private final long waitNanos;
    private final ThreadFactory threadFactory;
    private final String threadSource;
    private SinkRunner[] runners;
    private Worker worker;

    private volatile int threshold;
    private volatile Level level;
    private volatile Thread[] pipelineThreads = new Thread[0];
    private boolean levelsFrozen;

    private final Map<String, CoreLogger> loggers = new ConcurrentHashMap<>();
    private final Map<String, CoreAsyncLogger> asyncLoggers = new ConcurrentHashMap<>();

    private final ConcurrentLinkedQueue<PendingOffer> asyncWaits = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Thread> spaceWaiters = new ConcurrentLinkedQueue<>();
    private LongAdder queueFullDrops; // accounting's queue_full counter, set with it; spares a map lookup per drop
    private final AtomicInteger asyncWaitCount = new AtomicInteger();
    private final AtomicLong asyncWaitSequence = new AtomicLong();
    private volatile ExecutorService callbacks;

    private final AtomicReference<DrainState> drain = new AtomicReference<>();
    private final AtomicBoolean afterShutdownReported = new AtomicBoolean();
    private Thread shutdownHook;
    private long lastDropReport;
    private long reportedQueueFull;

    /** The drain in progress or done, shared by every caller of {@link #drain}. */
    private static final class DrainState {
        final long startNanos = System.nanoTime();
        final CompletableFuture<DrainResult> result = new CompletableFuture<>();
    }

    private CoreRuntime(
            EngineSettings settings, ThreadFactory threadFactory, String threadSource, Consumer<String> listener) {
        this.settings = settings;
        this.name = settings.name();
        this.diagnostics =
                new DiagnosticsChannel(name, settings.diagnosticsEnabled(), listener, settings.diagnosticsOutput());
        this.queue =
                new EventQueue(settings.queueCapacity(), settings.protectedQueueCapacity(), settings.protectedLevels());
        this.limits = settings.limits();
        this.policy = settings.backpressurePolicy();
        this.waitNanos = settings.backpressureWait().toNanos();
        this.threadFactory = threadFactory;
        this.threadSource = threadSource;
        this.level = settings.level();
        this.threshold = level.priority();
    }

    /** {@code log} flag: the fields already went through {@link ValueCapture}. */
    static final int FIELDS_CAPTURED = 1;
    /** {@code log} flag: the event skips every redactor (the loudly named unsafe builder call). */
    static final int UNREDACTED = 2;

    /** Set once in {@link #start}, before the runtime is handed out. */
    private StageControls stageControls;
    /** The enricher that needs something from the caller thread (a thread-local span), or {@code null}. */
    private CallerCaptures callerCapture;

    /**
     * Starts a runtime: sink threads first (waiting for each sink's {@code start}), then the worker.
     *
     * @param threadSource how the thread factory was obtained, for the start-up line
     * @throws ConfigurationException when a thread cannot be made or a sink fails to start
     */
    public static CoreRuntime start(
            EngineSettings settings,
            PipelineParts parts,
            ThreadFactory threadFactory,
            String threadSource,
            Consumer<String> diagnosticsListener) {
        CoreRuntime rt = new CoreRuntime(settings, threadFactory, threadSource, diagnosticsListener);
        Stages stages = new Stages(
                parts.filters(),
                parts.enrichers(),
                parts.redactors(),
                parts.processors(),
                settings.redactionFailMode(),
                rt.diagnostics);
        rt.stageControls = stages.controls();
        rt.callerCapture = CallerCaptures.of(parts.enrichers(), rt.diagnostics);
        rt.startThreads(parts.sinks(), stages, EventEncoder.forSinks(parts.sinks(), settings.limits()));
        return rt;
    }

    private static List<String> sinkNames(List<NamedSink> sinks) {
        List<String> names = new ArrayList<>();
        for (NamedSink s : sinks) {
            names.add(s.name());
        }
        return names;
    }

    private void startThreads(List<NamedSink> sinks, Stages stages, EventEncoder[] encoders) {
        Accounting acc = new Accounting(sinkNames(sinks));
        this.accounting = acc;
        this.queueFullDrops = acc.intakeDropped.counter("queue_full");
        List<ConfigProblem> problems = new ArrayList<>();
        SinkRunner[] rs = new SinkRunner[sinks.size()];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < rs.length; i++) {
            NamedSink s = sinks.get(i);
            rs[i] = new SinkRunner(
                    s.sink(),
                    s.name(),
                    settings.deliveryOf(s.name()),
                    acc.sink(s.name()),
                    diagnostics,
                    name,
                    this::wakeWorkerFromSink);
            Thread t = newThread(rs[i], "sink-" + s.name(), problems);
            if (t != null) {
                threads.add(t);
                t.start();
            }
        }
        for (SinkRunner r : rs) {
            if (r == null) {
                continue;
            }
            try {
                r.started().get(settings.deliveryOf(r.name()).timeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException failed) {
                problems.add(new ConfigProblem(
                        ProblemCodes.PLUGIN_FAILED,
                        "sinks",
                        r.name(),
                        "a sink that starts; '" + r.name() + "' failed: " + failed.getCause()));
            } catch (TimeoutException | InterruptedException slow) {
                problems.add(new ConfigProblem(
                        ProblemCodes.PLUGIN_FAILED,
                        "sinks",
                        r.name(),
                        "a sink that starts within sink.timeout; '" + r.name() + "' did not"));
            }
        }
        this.runners = rs;
        if (!problems.isEmpty()) {
            stopRunners(rs);
            throw new ConfigurationException(problems);
        }
        this.worker = new Worker(this, settings, stages, encoders, rs, 4);
        Thread w = newThread(worker, "worker", problems);
        if (w == null) {
            stopRunners(rs);
            throw new ConfigurationException(problems);
        }
        threads.add(0, w);
        pipelineThreads = threads.toArray(new Thread[0]);
        w.start();
        if (settings.shutdownHook()) {
            shutdownHook = new Thread(() -> drain(settings.shutdownTimeout()), "fapilog-shutdown-" + name);
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        diagnostics.info(
                "runtime",
                "started",
                "fapilog runtime started",
                "preset",
                settings.presetId(),
                "log_level",
                level.name(),
                "sinks",
                String.join(",", sinkNames(sinks)),
                "queue_capacity",
                settings.queueCapacity(),
                "protected_capacity",
                settings.protectedQueueCapacity(),
                "backpressure",
                settings.backpressurePolicy().name().toLowerCase(java.util.Locale.ROOT),
                "threads",
                threadSource);
    }

    private Thread newThread(Runnable r, String role, List<ConfigProblem> problems) {
        try {
            Thread t = threadFactory.newThread(r);
            if (t == null) {
                problems.add(new ConfigProblem(
                        ProblemCodes.PLUGIN_FAILED,
                        "thread-factory",
                        threadSource,
                        "a thread factory that makes threads; it returned null for the " + role + " thread"));
                return null;
            }
            return t;
        } catch (RuntimeException e) {
            problems.add(new ConfigProblem(
                    ProblemCodes.PLUGIN_FAILED,
                    "thread-factory",
                    threadSource,
                    "a thread factory that makes threads; it threw " + e + " for the " + role + " thread"));
            return null;
        }
    }

    private void stopRunners(SinkRunner[] rs) {
        java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(rs.length);
        for (SinkRunner r : rs) {
            if (r != null) {
                r.control(new SinkControl(SinkControl.Kind.STOP, latch));
            }
        }
    }

    // ---- accessors for the worker

    EventQueue queue() {
        return queue;
    }

    Accounting accounting() {
        return accounting;
    }

    /** The diagnostics channel of this runtime. */
    public dev.fapilog.spi.Diagnostics diagnostics() {
        return diagnostics;
    }

    DiagnosticsChannel channel() {
        return diagnostics;
    }

    public EngineSettings settings() {
        return settings;
    }

    int threshold() {
        return threshold;
    }

    ValueLimits limits() {
        return limits;
    }

    private void wakeWorker() {
        Worker w = worker;
        if (w != null) {
            w.wake();
        }
    }

    private void wakeWorkerFromSink() {
        Worker w = worker;
        if (w != null) {
            w.wakeFromSink();
        }
    }

    // ---- LogRuntime

    @Override
    public String name() {
        return name;
    }

    @Override
    public Logger logger(String loggerName) {
        String n = loggerName == null ? "root" : loggerName;
        return loggers.computeIfAbsent(n, k -> new CoreLogger(this, k, CoreLogger.NO_FIELDS));
    }

    @Override
    public AsyncLogger asyncLogger(String loggerName) {
        String n = loggerName == null ? "root" : loggerName;
        return asyncLoggers.computeIfAbsent(n, k -> new CoreAsyncLogger(this, k, CoreLogger.NO_FIELDS));
    }

    @Override
    public Level level() {
        return level;
    }

    @Override
    public void setLevel(Level newLevel) {
        if (newLevel != null) {
            level = newLevel;
            threshold = newLevel.priority();
        }
    }

    /** The redaction mask, for values masked on the caller thread. */
    String mask() {
        return settings.mask();
    }

    @Override
    public PipelineStats stats() {
        return accounting.snapshot(queue, asyncWaitCount.get());
    }

    @Override
    public List<FilterStats> filterStats() {
        return stageControls.filterStats();
    }

    @Override
    public List<String> enrichers() {
        return stageControls.enricherNames();
    }

    @Override
    public boolean setEnricherEnabled(String name, boolean enabled) {
        return name != null && stageControls.setEnricherEnabled(name, enabled);
    }

    @Override
    public boolean isEnricherEnabled(String name) {
        return name != null && stageControls.isEnricherEnabled(name);
    }

    @Override
    public boolean isDraining() {
        return drain.get() != null;
    }

    @Override
    public boolean flush(Duration deadline) {
        long deadlineNanos = System.nanoTime() + nanos(deadline);
        if (isPipelineThread(Thread.currentThread())) {
            return false; // the worker cannot wait for itself
        }
        DrainState d = drain.get();
        if (d != null) {
            return await(d.result, deadlineNanos) != null;
        }
        FlushRequest request = new FlushRequest(queue.marks(), asyncWaitSequence.get());
        worker.requestFlush(request);
        Boolean ok = await(request.done, deadlineNanos);
        return ok != null && ok;
    }

    @Override
    public DrainResult drain(Duration deadline) {
        long deadlineNanos = System.nanoTime() + nanos(deadline);
        DrainState mine = new DrainState();
        if (!drain.compareAndSet(null, mine)) {
            DrainState running = drain.get();
            DrainResult r = await(running.result, deadlineNanos);
            return r != null ? r : new DrainResult(stats(), elapsed(running), false);
        }
        queue.close();
        worker.requestDrain();
        if (isPipelineThread(Thread.currentThread())) {
            return new DrainResult(stats(), elapsed(mine), false); // cannot wait for ourselves; the worker goes on
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
        ExecutorService cb = callbacks;
        if (cb != null) {
            cb.shutdown();
        }
        removeShutdownHook();
        DrainResult result = new DrainResult(stats(), elapsed(mine), completed);
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

    // ---- caller side

    boolean isPipelineThread(Thread t) {
        for (Thread p : pipelineThreads) {
            if (p == t) {
                return true;
            }
        }
        return false;
    }

    /**
     * Captures and enqueues one event. Never throws.
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
            if (isPipelineThread(Thread.currentThread())) {
                return divert(level, logger, message);
            }
            if (dropsBeforeCapture(level)) {
                return queueFull();
            }
            LogEvent e = capture(level, logger, message, error, keyValues, flags, bound);
            Acceptance now = enqueue(e);
            if (now != null) {
                return now;
            }
            return policy == BackpressurePolicy.WAIT ? waitForSpace(e) : queueFull();
        } catch (Throwable bug) {
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
            if (isPipelineThread(Thread.currentThread())) {
                return completed(divert(level, logger, message));
            }
            if (dropsBeforeCapture(level)) {
                return completed(queueFull());
            }
            LogEvent e = capture(level, logger, message, error, keyValues, flags, bound);
            if (policy == BackpressurePolicy.WAIT && asyncWaitCount.get() > 0) {
                return waitAsync(e); // stay behind earlier waits, so async events keep their order
            }
            Acceptance now = enqueue(e);
            if (now != null) {
                return completed(now);
            }
            return policy == BackpressurePolicy.WAIT ? waitAsync(e) : completed(queueFull());
        } catch (Throwable bug) {
            return completed(internalError(bug));
        }
    }

    /** Offers once: {@code ACCEPTED}, {@code DROPPED_AFTER_SHUTDOWN}, or {@code null} when the lane is full. */
    private Acceptance enqueue(LogEvent e) {
        int r = queue.offer(e);
        if (r == MpscLane.OK) {
            if (worker.isIdle()) {
                worker.wake();
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

    static CompletionStage<Acceptance> completed(Acceptance a) {
        return COMPLETED[a.ordinal()];
    }

    private LogEvent capture(
            Level level,
            String logger,
            String message,
            Throwable error,
            Object[] keyValues,
            int flags,
            Object[] bound) {
        if (!levelsFrozen) {
            Level.freezeRegistry("runtime '" + name + "'");
            levelsFrozen = true;
        }
        long now = System.nanoTime();
        Object[] kv = keyValues == null ? CoreLogger.NO_FIELDS : keyValues;
        int count = kv.length;
        if (error == null && (count & 1) == 1 && kv[count - 1] instanceof Throwable) {
            error = (Throwable) kv[count - 1]; // SLF4J's convention: a trailing throwable is the exception
            count--;
        }
        Object[] fields = count == 0 || (flags & FIELDS_CAPTURED) != 0 ? kv : ValueCapture.fields(kv, count, limits);
        ThrowableSnapshot snapshot = error == null ? null : ThrowableCapture.capture(error, limits);
        return new LogEvent(
                now,
                level,
                logger,
                message,
                Thread.currentThread().getName(),
                fields,
                count,
                bound,
                LogContext.snapshot(),
                snapshot,
                callerCapture == null ? null : callerCapture.safeCapture(),
                (flags & UNREDACTED) != 0);
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
        if (asyncWaitCount.get() >= queue.capacity()) {
            return completed(queueFull());
        }
        PendingOffer w =
                new PendingOffer(e, queue.marks(), System.nanoTime() + waitNanos, asyncWaitSequence.incrementAndGet());
        accounting.asyncWaitsStarted.increment();
        asyncWaitCount.incrementAndGet();
        asyncWaits.add(w);
        if (queue.isClosedForProducers() && takeAsyncWait(w)) {
            // Raced with a drain that may already have passed the async waits: count it as after shutdown.
            accounting.runtimeDropped.add("after_shutdown", 1);
            return COMPLETED[Acceptance.DROPPED_AFTER_SHUTDOWN.ordinal()];
        }
        wakeWorkerFromSink(); // also when it waits for a sink: the wait must expire on time
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
            // Nothing more can be done without risking an exception in the caller.
        }
        return Acceptance.DROPPED_INTERNAL_ERROR;
    }

    // ---- async waits, used by the worker

    int asyncWaiting() {
        return asyncWaitCount.get();
    }

    PendingOffer peekAsyncWait() {
        return asyncWaits.peek();
    }

    boolean takeAsyncWait(PendingOffer w) {
        if (asyncWaits.remove(w)) {
            asyncWaitCount.decrementAndGet();
            return true;
        }
        return false;
    }

    /** How many async waits with a sequence up to {@code sequence} are still waiting. */
    int asyncWaitsBefore(long sequence) {
        if (asyncWaitCount.get() == 0) {
            return 0;
        }
        int n = 0;
        for (PendingOffer w : asyncWaits) {
            if (w.sequence <= sequence) {
                n++;
            }
        }
        return n;
    }

    /** Completes an async wait's stage on the callback thread, never on the worker. */
    void complete(PendingOffer w, Acceptance a) {
        try {
            callbackExecutor().execute(() -> w.result.complete(a));
        } catch (RejectedExecutionException shutDown) {
            w.result.complete(a);
        }
    }

    private ExecutorService callbackExecutor() {
        ExecutorService cb = callbacks;
        if (cb == null) {
            synchronized (this) {
                cb = callbacks;
                if (cb == null) {
                    ThreadPoolExecutor pool = new ThreadPoolExecutor(
                            1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
                    pool.allowCoreThreadTimeOut(true);
                    callbacks = cb = pool;
                }
            }
        }
        return cb;
    }

    /** Worker, about once a second: reports queue-full drops since the last report. */
    void housekeeping(long now) {
        if (now - lastDropReport < DROP_REPORT_INTERVAL_NANOS) {
            return;
        }
        lastDropReport = now;
        long queueFull = accounting.intakeDropped.snapshot().getOrDefault("queue_full", 0L)
                + accounting.runtimeDropped.snapshot().getOrDefault("queue_full", 0L);
        if (queueFull > reportedQueueFull) {
            diagnostics.warn(
                    "backpressure",
                    "queue_full",
                    "Queue full: events were dropped",
                    "dropped_since_last_report",
                    queueFull - reportedQueueFull,
                    "dropped_total",
                    queueFull,
                    "queue_high_water_mark",
                    accounting.highWaterMark.get(),
                    "queue_capacity",
                    queue.capacity());
            reportedQueueFull = queueFull;
        }
    }
}
