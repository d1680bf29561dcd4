package dev.fapilog.core;

import dev.fapilog.AsyncLogger;
import dev.fapilog.DrainResult;
import dev.fapilog.FilterStats;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.PipelineStats;
import dev.fapilog.Routing;
import dev.fapilog.SinkState;
import dev.fapilog.config.EngineSettings;
import dev.fapilog.spi.BridgeLogger;
import dev.fapilog.spi.BridgeTarget;
import dev.fapilog.spi.Diagnostics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * One pipeline, as the {@link LogRuntime} the application sees: its loggers (cached by name), its level, its
 * statistics, flush and drain. The work is done by the parts it starts: {@link Intake} on the callers' threads, the
 * {@link Worker} and one {@link SinkRunner} per sink on the pipeline's own threads, {@link DrainControl} for flush and
 * drain. Created by {@link #start}; see {@link LogRuntime} for the contract. Thread-safe.
 */
public final class CoreRuntime implements LogRuntime, BridgeTarget {

    private final String name;
    private final DiagnosticsChannel diagnostics;
    private final EventQueue queue;
    private final Accounting accounting;
    private final AsyncWaits asyncWaits;
    private final Intake intake;
    private final StageControls stageControls;
    private final Map<String, CoreLogger> loggers = new ConcurrentHashMap<>();
    private final Map<String, CoreAsyncLogger> asyncLoggers = new ConcurrentHashMap<>();
    private final EngineSettings settings;
    private final PipelineParts parts;
    private final Stages stages;
    private volatile DrainControl drain; // set by launch
    private volatile SinkRunner[] runners; // set by launch
    private volatile RouteTable routes;
    private final java.time.Instant created = java.time.Instant.now();
    private volatile int threshold;
    private volatile Level level;

    private CoreRuntime(EngineSettings settings, PipelineParts parts, DiagnosticsChannel diagnostics, Stages stages) {
        this.settings = settings;
        this.parts = parts;
        this.stages = stages;
        this.name = settings.name();
        this.diagnostics = diagnostics;
        this.queue =
                new EventQueue(settings.queueCapacity(), settings.protectedQueueCapacity(), settings.protectedLevels());
        this.accounting = new Accounting(sinkNames(parts.sinks()));
        this.asyncWaits = new AsyncWaits();
        this.stageControls = stages.controls();
        this.intake = new Intake(
                name,
                queue,
                accounting,
                diagnostics,
                settings.limits(),
                settings.mask(),
                settings.backpressurePolicy(),
                settings.backpressureWait().toNanos(),
                CallerCaptures.of(parts.enrichers(), diagnostics),
                asyncWaits,
                new QueueBytes(settings.queueMaxBytes()));
        this.level = settings.level();
        this.threshold = level.priority();
        this.routes = RouteTable.of(settings.routing(), sinkNames(parts.sinks()));
    }

    /**
     * Starts a runtime: {@link #create}, then {@link #launch}.
     *
     * @param threadSource how the thread factory was obtained, for the start-up line
     * @throws PipelineStartException when a thread cannot be made or a sink fails to start
     */
    public static CoreRuntime start(
            EngineSettings settings,
            PipelineParts parts,
            ThreadFactory threadFactory,
            String threadSource,
            Consumer<String> diagnosticsListener) {
        CoreRuntime rt = create(settings, parts, diagnosticsListener);
        rt.launch(threadFactory, threadSource);
        return rt;
    }

    /**
     * Creates a runtime that takes events in but does not run yet: they wait in its queue until {@link #launch}
     * starts the sinks and the worker (an application's runtime exists as soon as its settings are read, so static
     * loggers and early framework logs are kept; the container's thread factory comes later). While it waits, an
     * event that finds its lane full is dropped at once as {@code queue_full}, whatever the backpressure policy.
     * A flush or drain before the launch launches it on the library's own daemon threads first.
     */
    public static CoreRuntime create(
            EngineSettings settings, PipelineParts parts, Consumer<String> diagnosticsListener) {
        DiagnosticsChannel diagnostics = new DiagnosticsChannel(
                settings.name(), settings.diagnosticsEnabled(), diagnosticsListener, settings.diagnosticsOutput());
        Stages stages = new Stages(
                parts.filters(),
                parts.enrichers(),
                parts.redactors(),
                parts.processors(),
                settings.redactionFailMode(),
                diagnostics);
        return new CoreRuntime(settings, parts, diagnostics, stages);
    }

    /**
     * Starts the sink threads (waiting for each sink's {@code start}), then the worker, which takes the events queued
     * so far first. Idempotent: a later call does nothing.
     *
     * @param threadSource how the thread factory was obtained, for the start-up line
     * @throws PipelineStartException when a thread cannot be made or a sink fails to start (the runtime stays
     *     unlaunched and may be launched again)
     */
    public synchronized void launch(ThreadFactory threadFactory, String threadSource) {
        if (drain != null) {
            return;
        }
        asyncWaits.useThreads(threadFactory);
        launch(settings, parts, stages, threadFactory, threadSource);
    }

    /** Whether {@link #launch} has run. */
    public boolean isLaunched() {
        return drain != null;
    }

    /** The drain control, launching first if the application never did; {@code null} if that launch failed. */
    private DrainControl launchedControl() {
        DrainControl d = drain;
        if (d != null) {
            return d;
        }
        try {
            launch(new PipelineThreadFactory(name), "fapilog daemon threads (flushed or drained before its launch)");
        } catch (PipelineStartException failed) {
            diagnostics.warn(
                    "runtime",
                    "launch-failed",
                    "the runtime was flushed or drained before it was launched, and launching it failed: the events"
                            + " it holds stay pending",
                    "error",
                    failed.getMessage());
        }
        return drain;
    }

    private void launch(
            EngineSettings settings,
            PipelineParts parts,
            Stages stages,
            ThreadFactory threadFactory,
            String threadSource) {
        List<NamedSink> sinks = parts.sinks();
        Worker[] worker = new Worker[1]; // the runners' wake-up callback reads it once the worker exists
        Runnable wake = () -> {
            Worker w = worker[0];
            if (w != null) {
                w.wakeFromSink();
            }
        };
        SinkRunner[] runners = new SinkRunner[sinks.size()];
        Map<String, SinkRunner> byName = new java.util.HashMap<>();
        for (int i = 0; i < runners.length; i++) {
            runners[i] = newRunner(sinks.get(i), accounting.sink(sinks.get(i).name()), wake);
            byName.put(runners[i].name(), runners[i]);
        }
        List<SinkRunner> standby = new ArrayList<>();
        for (NamedSink s : parts.standbySinks()) {
            SinkRunner r = newRunner(s, new Accounting.SinkCounters(s.name()), wake);
            standby.add(r);
            byName.put(r.name(), r);
        }
        for (SinkRunner r : runners) {
            String target = settings.deliveryOf(r.name()).fallback();
            if (StderrFallbackSink.NAME.equals(target) && !byName.containsKey(target)) {
                SinkRunner stderr = newRunner(
                        new NamedSink(target, new StderrFallbackSink()), new Accounting.SinkCounters(target), wake);
                standby.add(stderr);
                byName.put(target, stderr);
            }
            r.fallbackTo(byName.get(target), target);
        }
        SinkRunner[] all = new SinkRunner[runners.length + standby.size()];
        System.arraycopy(runners, 0, all, 0, runners.length);
        for (int i = 0; i < standby.size(); i++) {
            all[runners.length + i] = standby.get(i);
        }
        PipelineLaunch launch = new PipelineLaunch(settings, threadFactory, threadSource);
        List<Thread> threads = launch.startSinks(all);
        worker[0] = new Worker(
                name,
                settings,
                queue,
                accounting,
                diagnostics,
                stages,
                intake,
                asyncWaits,
                EventEncoder.forSinks(sinks, settings.limits()),
                new SinkRunners(runners, standby.toArray(new SinkRunner[0])),
                () -> routes,
                4);
        Thread w = launch.workerThread(worker[0], all);
        reportUnreached(routes);
        this.runners = runners;
        threads.add(0, w);
        intake.attach(worker[0], threads.toArray(new Thread[0]));
        drain = new DrainControl(queue, worker[0], asyncWaits, intake, diagnostics, this::stats);
        w.start();
        if (settings.shutdownHook()) {
            drain.addShutdownHook(name, settings.shutdownTimeout());
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
                settings.backpressurePolicy().name().toLowerCase(Locale.ROOT),
                "threads",
                threadSource);
    }

    private SinkRunner newRunner(NamedSink s, Accounting.SinkCounters counters, Runnable wake) {
        return new SinkRunner(
                s.sink(), s.name(), settings.deliveryOf(s.name()), counters, diagnostics, name, wake, intake::adopt);
    }

    private static List<String> sinkNames(List<NamedSink> sinks) {
        List<String> names = new ArrayList<>();
        for (NamedSink s : sinks) {
            names.add(s.name());
        }
        return names;
    }

    /** The diagnostics channel of this runtime. */
    public Diagnostics diagnostics() {
        return diagnostics;
    }

    Intake intake() {
        return intake;
    }

    int threshold() {
        return threshold;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Logger logger(String loggerName) {
        String n = loggerName == null ? "root" : loggerName;
        return loggers.computeIfAbsent(n, k -> new CoreLogger(this, k, FacadeBase.NO_FIELDS));
    }

    @Override
    public AsyncLogger asyncLogger(String loggerName) {
        String n = loggerName == null ? "root" : loggerName;
        return asyncLoggers.computeIfAbsent(n, k -> new CoreAsyncLogger(this, k, FacadeBase.NO_FIELDS));
    }

    @Override
    public BridgeLogger bridgeLogger(String loggerName, String origin) {
        return new CoreBridgeLogger(
                this, loggerName == null ? "root" : loggerName, CoreBridgeLogger.checkOrigin(origin));
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

    @Override
    public PipelineStats stats() {
        return accounting.snapshot(queue, asyncWaits.count());
    }

    @Override
    public Routing routing() {
        return routes.routing();
    }

    @Override
    public void setRouting(Routing routing) {
        RouteTable table =
                RouteTable.of(java.util.Objects.requireNonNull(routing, "routing"), sinkNames(parts.sinks()));
        routes = table;
        reportUnreached(table);
        diagnostics.info(
                "routing",
                "routing_changed",
                "Routing replaced",
                "rules",
                routing.rules().toString());
    }

    private void reportUnreached(RouteTable table) {
        List<String> unreached = table.unreached();
        if (!unreached.isEmpty()) {
            diagnostics.warn(
                    "routing",
                    "sinks_unreached",
                    "No routing rule and no fallback names these sinks: they get no events",
                    "sinks",
                    String.join(",", unreached));
        }
    }

    @Override
    public List<SinkState> sinkStates() {
        SinkRunner[] rs = runners;
        List<SinkState> states = new ArrayList<>();
        if (rs != null) {
            for (SinkRunner r : rs) {
                states.add(r.state());
            }
        } else {
            for (NamedSink s : parts.sinks()) { // not launched: nothing written, nothing failed yet
                states.add(new SinkState(
                        s.name(),
                        SinkState.Circuit.CLOSED,
                        created,
                        0,
                        null,
                        null,
                        settings.deliveryOf(s.name()).fallback(),
                        0));
            }
        }
        return states;
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
        DrainControl d = drain;
        return d != null && d.isDraining();
    }

    @Override
    public boolean flush(Duration deadline) {
        DrainControl d = launchedControl();
        return d != null && d.flush(deadline);
    }

    @Override
    public DrainResult drain(Duration deadline) {
        DrainControl d = launchedControl();
        return d != null ? d.drain(deadline) : new DrainResult(stats(), Duration.ZERO, false);
    }
}
