package dev.fapilog.boot;

import dev.fapilog.AsyncLogger;
import dev.fapilog.ConfigProblem;
import dev.fapilog.ConfigurationException;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.LoggerBuilder;
import dev.fapilog.Plugin;
import dev.fapilog.Preset;
import dev.fapilog.config.BackpressurePolicy;
import dev.fapilog.config.EnvironmentFacts;
import dev.fapilog.config.PluginCatalog;
import dev.fapilog.config.ProblemCodes;
import dev.fapilog.config.Settings;
import dev.fapilog.config.SettingsResolver;
import dev.fapilog.core.CoreRuntime;
import dev.fapilog.core.PipelineParts;
import dev.fapilog.core.PipelineStartException;
import dev.fapilog.core.PipelineThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/** The {@link LoggerBuilder} of the library: flat settings plus plug-in instances, assembled at build time. */
public final class RuntimeBuilder implements LoggerBuilder {
    private final PluginCatalog catalog;
    /**
     * The settings given: text from {@link #setting} and {@link #settings}, typed from the typed calls (an
     * {@code Integer}, a {@code Duration}, a {@code Level}, a list...), which the resolver uses as they are.
     */
    private final Map<String, Object> settings = new LinkedHashMap<>();

    private final List<Plugin> plugins = new ArrayList<>();
    private final List<ConfigProblem> earlyProblems = new ArrayList<>();
    private ThreadFactory threadFactory;
    private String threadSource;
    private Consumer<String> diagnosticsListener;
    private EnvironmentFacts environment;
    private boolean built;

    RuntimeBuilder(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public LoggerBuilder name(String name) {
        return setting("name", name);
    }

    @Override
    public LoggerBuilder preset(Preset preset) {
        return typed("preset", preset == null ? "" : preset);
    }

    @Override
    public LoggerBuilder level(Level level) {
        return typed("level", level == null ? "auto" : level);
    }

    @Override
    public LoggerBuilder sinks(String... sinkNames) {
        return names("sinks", sinkNames);
    }

    @Override
    public LoggerBuilder filters(String... filterNames) {
        return names("filters", filterNames);
    }

    @Override
    public LoggerBuilder enrichers(String... enricherNames) {
        return names("enrichers", enricherNames);
    }

    @Override
    public LoggerBuilder redactors(String... redactorNames) {
        return names("redactors", redactorNames);
    }

    @Override
    public LoggerBuilder processors(String... processorNames) {
        return names("processors", processorNames);
    }

    @Override
    public LoggerBuilder redactionPresets(String... presetNames) {
        return names("redaction.presets", presetNames);
    }

    @Override
    public LoggerBuilder redactFields(String... paths) {
        return names("redaction.fields", paths);
    }

    @Override
    public LoggerBuilder redactPatterns(String... patterns) {
        return names("redaction.patterns", patterns);
    }

    /** A list setting; no names means an explicitly empty list. */
    private LoggerBuilder names(String key, String... names) {
        return typed(key, names == null ? List.of() : List.of(names));
    }

    private LoggerBuilder typed(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    @Override
    public LoggerBuilder sinkOption(String sinkName, String key, String value) {
        return setting("sink." + sinkName + "." + key, value);
    }

    @Override
    public LoggerBuilder plugin(Plugin plugin) {
        plugins.add(Objects.requireNonNull(plugin, "plugin"));
        return this;
    }

    @Override
    public LoggerBuilder queueCapacity(int events) {
        return typed("queue.capacity", events);
    }

    @Override
    public LoggerBuilder protectedQueueCapacity(int events) {
        return typed("queue.protected-capacity", events);
    }

    @Override
    public LoggerBuilder protectedLevels(Level... levels) {
        return typed("queue.protected-levels", levels == null ? List.of() : List.of(levels));
    }

    @Override
    public LoggerBuilder dropWhenFull() {
        return typed("backpressure.policy", BackpressurePolicy.DROP);
    }

    @Override
    public LoggerBuilder waitWhenFull(Duration maxWait) {
        typed("backpressure.policy", BackpressurePolicy.WAIT);
        return typed("backpressure.wait", duration(maxWait));
    }

    @Override
    public LoggerBuilder batchMaxSize(int events) {
        return typed("batch.max-size", events);
    }

    @Override
    public LoggerBuilder batchTimeout(Duration timeout) {
        return typed("batch.timeout", duration(timeout));
    }

    @Override
    public LoggerBuilder shutdownTimeout(Duration timeout) {
        return typed("shutdown.timeout", duration(timeout));
    }

    @Override
    public LoggerBuilder shutdownHook(boolean enabled) {
        return typed("shutdown.hook", enabled);
    }

    @Override
    public LoggerBuilder threadFactory(ThreadFactory factory) {
        this.threadFactory = Objects.requireNonNull(factory, "threadFactory");
        this.threadSource = "custom thread factory " + factory.getClass().getName();
        return this;
    }

    /**
     * Like {@link #threadFactory(ThreadFactory)}, naming where it came from for the start-up line. A {@code null}
     * factory keeps the built-in daemon threads and only names why (for example "no ManagedThreadFactory found").
     */
    public LoggerBuilder threadFactory(ThreadFactory factory, String source) {
        this.threadFactory = factory;
        this.threadSource = Objects.requireNonNull(source, "source");
        return this;
    }

    /** Replaces the detected environment (terminal, CI, container); for tests and integrations. */
    public LoggerBuilder environment(EnvironmentFacts facts) {
        this.environment = Objects.requireNonNull(facts, "facts");
        return this;
    }

    @Override
    public LoggerBuilder diagnosticsListener(Consumer<String> listener) {
        this.diagnosticsListener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    @Override
    public LoggerBuilder setting(String key, String value) {
        if (key == null || key.isBlank()) {
            earlyProblems.add(new ConfigProblem(
                    dev.fapilog.config.ProblemCodes.UNKNOWN_KEY,
                    String.valueOf(key),
                    value,
                    "a setting key such as queue.capacity"));
            return this;
        }
        settings.put(SettingsResolver.stripPrefix(key), value == null ? "" : value);
        return this;
    }

    @Override
    public LoggerBuilder settings(Map<String, String> values) {
        values.forEach(this::setting);
        return this;
    }

    @Override
    public Logger build() {
        LogRuntime rt = buildRuntime();
        return rt.logger(rt.name());
    }

    @Override
    public AsyncLogger buildAsync() {
        LogRuntime rt = buildRuntime();
        return rt.asyncLogger(rt.name());
    }

    /**
     * Every problem {@link #buildRuntime()} would report about the settings and plug-in names, found without creating
     * sinks or threads, so it can run at deployment time. What only creation can reveal (a sink provider that throws,
     * a thread factory that fails) is still reported by {@code buildRuntime()}.
     *
     * @return the problems; empty when the settings are valid
     */
    public List<ConfigProblem> check() {
        SettingsResolver.Result resolved = SettingsResolver.resolve(settings, environment(), catalog);
        List<ConfigProblem> problems = new ArrayList<>(earlyProblems);
        problems.addAll(resolved.problems());
        // Runs on the defaults that replaced bad values too, so one pass reports every problem.
        RuntimeAssembler assembler = new RuntimeAssembler(resolved.settings(), catalog, false);
        assembler.assemble(plugins);
        problems.addAll(assembler.problems());
        return problems;
    }

    private EnvironmentFacts environment() {
        return environment != null ? environment : EnvironmentFacts.detect();
    }

    @Override
    public LogRuntime buildRuntime() {
        return start().runtime();
    }

    /**
     * Builds and starts the runtime, like {@link #buildRuntime()}, and returns it with its settings and diagnostics
     * channel, for the integrations.
     *
     * @throws ConfigurationException listing every problem with the settings, or a sink or thread that failed
     */
    public BuiltRuntime start() {
        BuiltRuntime prepared = prepare();
        ThreadFactory tf = threadFactory != null
                ? threadFactory
                : new PipelineThreadFactory(prepared.runtime().name());
        String source = threadSource != null ? threadSource : "fapilog daemon threads (no thread factory given)";
        try {
            prepared.launch(tf, source);
        } catch (ConfigurationException failed) {
            built = false; // only a runtime that started uses the builder up; a failed build can be fixed and retried
            throw failed;
        }
        return prepared;
    }

    /**
     * Builds the runtime without launching it: it takes events in, which wait in its queue until
     * {@link BuiltRuntime#launch} starts its sinks and worker (see {@code CoreRuntime.create}). The integrations use it
     * to have the application's runtime before the container's thread factory can be had.
     *
     * @throws ConfigurationException listing every problem with the settings, or a plug-in that could not be created
     */
    public BuiltRuntime prepare() {
        if (built) {
            throw new IllegalStateException("This builder was already built; use a new one for another runtime");
        }
        SettingsResolver.Result resolved = SettingsResolver.resolve(settings, environment(), catalog);
        List<ConfigProblem> problems = new ArrayList<>(earlyProblems);
        problems.addAll(resolved.problems());
        if (!resolved.ok()) {
            // Plug-in names and options are still checked (without creating anything), so one message lists all.
            RuntimeAssembler dryRun = new RuntimeAssembler(resolved.settings(), catalog, false);
            dryRun.assemble(plugins);
            problems.addAll(dryRun.problems());
            throw new ConfigurationException(problems);
        }
        Settings s = resolved.settings();
        RuntimeAssembler assembler = new RuntimeAssembler(s, catalog, true);
        PipelineParts parts = assembler.assemble(plugins);
        problems.addAll(assembler.problems());
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        CoreRuntime runtime = CoreRuntime.create(assembler.engine(), parts, diagnosticsListener);
        built = true;
        for (String warning : catalog.warnings()) {
            runtime.diagnostics().warn("plugins", "provider", warning);
        }
        reportRedactionOff(s, parts, runtime.diagnostics());
        return BuiltRuntime.register(new BuiltRuntime(runtime, s, runtime.diagnostics()));
    }

    /**
     * Credential masking is on by default and in every preset but {@code minimal}; a runtime without it says so at
     * start, once, so that nobody finds out from a password in the logs.
     */
    private static void reportRedactionOff(Settings s, PipelineParts parts, dev.fapilog.spi.Diagnostics diagnostics) {
        boolean credentials = s.redactionPresets().stream()
                .anyMatch(p -> p.equals("CREDENTIALS")
                        || dev.fapilog.config.RedactionPresets.resolve(p)
                                .parents()
                                .contains("CREDENTIALS"));
        if (parts.redactors().isEmpty()) {
            diagnostics.warn(
                    "redaction",
                    "redaction_off",
                    "Redaction is off: no redactor runs, so passwords, tokens and URL credentials are written in clear"
                            + " (preset minimal or fapilog.redactors=none)",
                    "preset",
                    s.preset() == null ? "none" : s.preset().id());
        } else if (!credentials) {
            diagnostics.warn(
                    "redaction",
                    "credentials_masking_off",
                    "Credential masking is off (fapilog.redaction.presets does not include CREDENTIALS): fields such"
                            + " as password or token are written in clear",
                    "redaction_presets",
                    String.join(",", s.redactionPresets()));
        }
    }

    /** What the engine could not start, as the coded problems of the settings that named it. */
    static List<ConfigProblem> startProblems(PipelineStartException failed) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (PipelineStartException.Failure f : failed.failures()) {
            String key = f.part() == PipelineStartException.Part.SINK ? "sinks" : "thread-factory";
            problems.add(new ConfigProblem(ProblemCodes.PLUGIN_FAILED, key, f.name(), f.detail()));
        }
        return problems;
    }

    /** A duration as given; {@code null} is a value nothing accepts, reported like an empty text. */
    private static Object duration(Duration d) {
        return d == null ? "" : d;
    }
}
