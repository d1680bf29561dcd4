package dev.fapilog.config;

import dev.fapilog.ConfigProblem;
import dev.fapilog.Level;
import dev.fapilog.Preset;
import dev.fapilog.config.Settings.Source;
import dev.fapilog.spi.PluginProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves flat settings into {@link Settings}: <em>explicit &gt; preset &gt; environment detection &gt; default</em>
 * (environment detection applies only when no preset is chosen). The keys are the core's ({@link CoreKeys}) and the
 * options every provider of the {@link PluginCatalog} declares. Every problem is collected, so one run reports all of
 * them; the caller turns a non-empty list into a {@link dev.fapilog.ConfigurationException}.
 *
 * <p>Keys are given without the {@code fapilog.} prefix (a given prefix is removed). Keys under {@code sink.<name>.}
 * other than {@code timeout}/{@code retry.*} are collected into {@link Settings#sinkOptions()} for the sink's own
 * validation.
 */
public final class SettingsResolver {

    /** Largest accepted queue capacity: large enough for any sane use, small enough never to exhaust the heap. */
    public static final int MAX_QUEUE_CAPACITY = 1 << 24;

    private final PluginCatalog catalog;
    private final Map<String, String> defaults = new LinkedHashMap<>();
    /** Every key's value: text, or typed where the builder gave it typed (see {@link ConfigReader}). */
    private final Map<String, Object> values = new LinkedHashMap<>();

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final ConfigReader reader;
    private final String presetName;

    private SettingsResolver(Map<String, ?> explicit, EnvironmentFacts env, PluginCatalog catalog) {
        this.catalog = catalog;
        defaults.putAll(CoreKeys.DEFAULTS);
        defaults.putAll(catalog.optionDefaults());
        this.reader = new ConfigReader(values, defaults, problems, this::origin);
        Map<String, Object> normalized = new LinkedHashMap<>();
        explicit.forEach((k, v) -> normalized.put(stripPrefix(k), v == null ? "" : v));

        Preset preset = normalized.get("preset") instanceof Preset ? (Preset) normalized.get("preset") : null;
        String rawPreset = ConfigValues.text(normalized.get("preset")).trim();
        if (preset == null && !rawPreset.isEmpty()) {
            preset = Preset.byId(rawPreset).orElse(null);
            if (preset == null) {
                problems.add(new ConfigProblem(ProblemCodes.BAD_VALUE, "preset", rawPreset, "one of " + presetIds()));
            }
        }
        this.presetName = preset == null ? null : preset.id();
        layer(defaults, Source.DEFAULT);
        if (preset == null) {
            layer(PresetSettings.ofEnvironment(env.kind()), Source.ENVIRONMENT);
        } else {
            layer(PresetSettings.of(preset), Source.PRESET);
        }
        for (Map.Entry<String, Object> e : normalized.entrySet()) {
            String key = e.getKey();
            if (defaults.containsKey(key) || key.startsWith("sink.")) {
                values.put(key, e.getValue());
                sources.put(key, Source.EXPLICIT);
            } else {
                problems.add(new ConfigProblem(
                        ProblemCodes.UNKNOWN_KEY,
                        key,
                        ConfigValues.text(e.getValue()),
                        "no such setting" + suggestionOf(key)));
            }
        }
    }

    /**
     * The outcome. {@code settings} is always present: when there are problems, each bad value is replaced by its
     * default, so later checks (plug-in names, sink options) can still run and report in the same pass; such
     * settings must not be used to start a runtime.
     */
    public record Result(Settings settings, List<ConfigProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Every key a runtime with these plug-ins understands, apart from sink-specific {@code sink.<name>.*} keys. */
    public static Set<String> knownKeys(PluginCatalog catalog) {
        Set<String> keys = new LinkedHashSet<>(CoreKeys.DEFAULTS.keySet());
        keys.addAll(catalog.optionDefaults().keySet());
        return Collections.unmodifiableSet(keys);
    }

    /** The built-in default of a key (as text) with these plug-ins, for documentation and tests. */
    public static Optional<String> defaultOf(String key, PluginCatalog catalog) {
        String d = CoreKeys.DEFAULTS.get(key);
        return Optional.ofNullable(d != null ? d : catalog.optionDefaults().get(key));
    }

    /** Resolves with the plug-ins {@link PluginCatalog#load()} finds. */
    public static Result resolve(Map<String, ?> explicit, EnvironmentFacts env) {
        return resolve(explicit, env, PluginCatalog.load());
    }

    /**
     * Resolves explicit settings over the preset they name (if any), environment detection and the defaults.
     *
     * @param explicit values by key (with or without {@code fapilog.}): text as a user writes it, or typed as the
     *     builder gives it ({@code Integer}, {@code Duration}, {@code Boolean}, {@code Level}, {@code Preset}, an enum
     *     constant such as {@link BackpressurePolicy}, a list), which is used without being parsed back
     */
    public static Result resolve(Map<String, ?> explicit, EnvironmentFacts env, PluginCatalog catalog) {
        SettingsResolver r = new SettingsResolver(explicit, env, catalog);
        Settings s = r.build(env);
        return new Result(s, List.copyOf(r.problems));
    }

    /** {@code fapilog.queue.capacity} becomes {@code queue.capacity}. */
    public static String stripPrefix(String key) {
        String k = key.trim();
        return k.startsWith("fapilog.") ? k.substring("fapilog.".length()) : k;
    }

    /** Did-you-mean over every key, plug-in options included. */
    private String suggestionOf(String key) {
        return KeySuggestions.suggestion(key, defaults.keySet());
    }

    private void layer(Map<String, String> layer, Source source) {
        layer.forEach((k, v) -> {
            values.put(k, v);
            sources.put(k, source);
        });
    }

    private String origin(String key) {
        return sources.get(key) == Source.PRESET ? " (set by preset '" + presetName + "')" : "";
    }

    private Settings build(EnvironmentFacts env) {
        ConfigReader r = reader;
        String name =
                r.text("name", v -> v.matches("[A-Za-z0-9._-]{1,64}"), "1 to 64 letters, digits, '.', '_' or '-'");
        Level level = level(env);
        List<String> sinks = sinks(env);

        int queueCapacity = r.integer("queue.capacity", 1, MAX_QUEUE_CAPACITY);
        int protectedCapacity = protectedCapacity(queueCapacity);
        long queueMaxBytes = r.size("queue.max-bytes", 64 * 1024, 1L << 40);
        Set<Level> protectedLevels = r.levels("queue.protected-levels");
        BackpressurePolicy policy = r.choice("backpressure.policy", BackpressurePolicy.class, BackpressurePolicy.DROP);
        Duration wait = r.duration("backpressure.wait", Duration.ofMinutes(1));
        int batchMax = r.integer("batch.max-size", 1, 65_536);
        if (batchMax > queueCapacity) {
            r.problem(
                    ProblemCodes.CONFLICT,
                    "batch.max-size",
                    r.raw("batch.max-size"),
                    "at most fapilog.queue.capacity (" + queueCapacity + "): a batch cannot be larger than the queue");
        }
        Duration batchTimeout = r.duration("batch.timeout", Duration.ofMinutes(1));
        Duration shutdownTimeout = r.duration("shutdown.timeout", Duration.ofMinutes(10));
        boolean shutdownHook = r.bool("shutdown.hook");

        EngineSettings.SinkDelivery sinkDefaults = new EngineSettings.SinkDelivery(
                r.duration("sink.timeout", Duration.ofMinutes(10)),
                r.integer("sink.retry.max-attempts", 1, 100),
                r.duration("sink.retry.backoff", Duration.ofMinutes(1)),
                r.integer("sink.circuit.failure-threshold", 0, 1000),
                r.duration("sink.circuit.recovery", Duration.ofHours(1)),
                "none",
                r.size("sink.max-pending-bytes", SinkKeys.MIN_PENDING_BYTES, SinkKeys.MAX_PENDING_BYTES));
        SinkKeys sinkKeys = SinkKeys.read(values, defaults.keySet(), sinkDefaults, r, this::suggestionOf);

        List<String> enrichers = r.list("enrichers");
        List<String> redactors = r.list("redactors");
        RedactionFailMode failMode = r.choice("redaction.fail-mode", RedactionFailMode.class, RedactionFailMode.WARN);
        String mask = r.text("redaction.mask", v -> !v.isEmpty() && v.length() <= 64, "1 to 64 characters");
        r.integer("redaction.max-depth", 1, 256);
        r.integer("redaction.max-keys-scanned", 1, 10_000_000);
        r.choice(
                "redaction.on-guardrail-exceeded",
                RedactionGuardrails.Action.class,
                RedactionGuardrails.Action.REPLACE_SUBTREE);
        redactionPresets();
        String seed = r.raw("filter.seed").trim();
        if (!seed.equalsIgnoreCase("random")) {
            try {
                Long.parseLong(seed);
            } catch (NumberFormatException e) {
                r.problem(ProblemCodes.BAD_VALUE, "filter.seed", seed, "random or a whole number");
            }
        }
        ValueLimits limits = new ValueLimits(
                r.integer("encoder.max-string-length", 16, 64 << 20),
                r.integer("encoder.max-depth", 1, 256),
                r.integer("encoder.max-elements", 1, 1_000_000),
                r.integer("encoder.max-fields", 1, 1_000_000),
                (int) r.size("encoder.max-binary-bytes", 0, 16 << 20),
                r.integer("encoder.max-frames", 0, 100_000),
                r.integer("encoder.max-cause-depth", 1, 1_000),
                r.integer("encoder.max-suppressed", 0, 10_000),
                (int) r.size("encoder.max-event-bytes", 1 << 10, 64 << 20));
        boolean diagnosticsEnabled = r.bool("diagnostics.enabled");
        String diagnosticsOutput = r.oneOf("diagnostics.output", "stderr", "system-logger", "jul");
        dev.fapilog.Routing routing = routing(r);

        EngineSettings engine = new EngineSettings(
                name,
                presetName == null ? "none" : presetName,
                level,
                queueCapacity,
                queueMaxBytes,
                protectedCapacity,
                protectedLevels,
                policy,
                wait,
                batchMax,
                batchTimeout,
                shutdownTimeout,
                shutdownHook,
                sinkDefaults,
                sinkKeys.overrides(),
                failMode,
                mask,
                limits,
                diagnosticsEnabled,
                diagnosticsOutput,
                routing);
        PluginSettings.Context context =
                new PluginSettings.Context(name, shared(name), env.stdoutIsTerminal(), this::origin);
        Map<PluginKind, List<String>> plugins = new EnumMap<>(PluginKind.class);
        plugins.put(PluginKind.SINK, sinks);
        plugins.put(PluginKind.FILTER, r.list("filters"));
        plugins.put(PluginKind.ENRICHER, List.copyOf(enrichers));
        plugins.put(PluginKind.REDACTOR, List.copyOf(redactors));
        plugins.put(PluginKind.PROCESSOR, r.list("processors"));
        return new Settings(
                engine,
                presetName == null ? null : Preset.byId(presetName).orElseThrow(),
                Collections.unmodifiableMap(plugins),
                List.copyOf(r.list("redaction.presets")),
                pluginOptions(context),
                sinkKeys.options(),
                context,
                env,
                Map.copyOf(sources));
    }

    /** Reads and checks the options of every provider but the sinks', used or not, as every core key is read. */
    private Map<PluginKind, Map<String, PluginSettings>> pluginOptions(PluginSettings.Context context) {
        Map<PluginKind, Map<String, PluginSettings>> out = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            if (kind == PluginKind.SINK) {
                continue;
            }
            Map<String, PluginSettings> byName = new LinkedHashMap<>();
            for (PluginProvider<?> p : catalog.providers(kind).values()) {
                Map<String, String> given = new LinkedHashMap<>();
                p.options().forEach(o -> given.put(o.key(), reader.raw(kind.key(p.name(), o.key()))));
                PluginSettings s = PluginSettings.read(kind, p.name(), p.options(), given, context, problems);
                try {
                    p.check(s);
                } catch (RuntimeException | LinkageError broken) {
                    problems.add(new ConfigProblem(
                            ProblemCodes.PLUGIN_FAILED,
                            kind.listKey(),
                            p.name(),
                            "a " + kind.noun() + " provider whose check works; "
                                    + p.getClass().getName() + " failed: " + broken));
                }
                byName.put(p.name(), s);
            }
            out.put(kind, Collections.unmodifiableMap(byName));
        }
        return Collections.unmodifiableMap(out);
    }

    private Map<String, String> shared(String runtimeName) {
        Map<String, String> shared = new LinkedHashMap<>();
        for (String key : CoreKeys.SHARED) {
            String v = reader.raw(key).trim();
            shared.put(key, key.equals("service.name") && v.isEmpty() ? runtimeName : v);
        }
        return Collections.unmodifiableMap(shared);
    }

    private void redactionPresets() {
        for (String preset : reader.list("redaction.presets")) {
            if (RedactionPresets.find(preset).isEmpty()) {
                reader.problem(
                        ProblemCodes.UNKNOWN_PLUGIN,
                        "redaction.presets",
                        preset,
                        "a redaction preset name; available: " + String.join(", ", RedactionPresets.available())
                                + presetNeeds("redaction.presets"));
            }
        }
    }

    /** For a value a preset set: how to run without what it needs. */
    private String presetNeeds(String key) {
        if (sources.get(key) == Source.PRESET) {
            return " (needed by preset '" + presetName + "'; set fapilog." + key + " explicitly to run without it)";
        }
        return "";
    }

    private Level level(EnvironmentFacts env) {
        if (values.get("level") instanceof Level) {
            return (Level) values.get("level");
        }
        String raw = reader.raw("level").trim();
        if (raw.equalsIgnoreCase("auto")) {
            return env.stdoutIsTerminal() && env.kind().equals("local") ? Level.DEBUG : Level.INFO;
        }
        Optional<Level> level = Level.named(raw);
        if (level.isEmpty()) {
            reader.problem(ProblemCodes.BAD_VALUE, "level", raw, "auto or a level name: " + ConfigReader.levelNames());
            return Level.INFO;
        }
        return level.get();
    }

    private List<String> sinks(EnvironmentFacts env) {
        String format = reader.raw("format").trim().toLowerCase(Locale.ROOT);
        if (!format.equals("auto") && !format.equals("json") && !format.equals("pretty")) {
            reader.problem(ProblemCodes.BAD_VALUE, "format", reader.raw("format"), "one of auto, json, pretty");
            format = "auto";
        }
        boolean formatExplicit = sources.get("format") == Source.EXPLICIT;
        boolean sinksExplicit = sources.get("sinks") == Source.EXPLICIT;
        List<String> sinks = reader.list("sinks");
        if (formatExplicit && sinksExplicit) {
            reader.problem(
                    ProblemCodes.CONFLICT,
                    "format",
                    reader.raw("format"),
                    "not together with fapilog.sinks: format only chooses the stdout sink when sinks is not set");
        }
        boolean none = reader.raw("sinks").trim().equalsIgnoreCase("none");
        if ((sinks.isEmpty() && !none) || (formatExplicit && !sinksExplicit)) {
            boolean pretty = format.equals("pretty") || (format.equals("auto") && env.stdoutIsTerminal());
            sinks = List.of(pretty ? "stdout-pretty" : "stdout-json");
            if (!formatExplicit && !sources.containsKey("sinks")) {
                sources.put("sinks", Source.DEFAULT);
            }
        }
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(sinks));
        if (unique.size() != sinks.size()) {
            reader.problem(ProblemCodes.CONFLICT, "sinks", reader.raw("sinks"), "each sink name at most once");
        }
        return List.copyOf(unique);
    }

    /** {@code routing.*}: the rules parsed, level names checked (sink names are checked against the sinks later). */
    private static dev.fapilog.Routing routing(ConfigReader r) {
        List<dev.fapilog.Routing.Rule> rules;
        String raw = r.raw("routing.rules");
        try {
            rules = dev.fapilog.Routing.parseRules(raw);
        } catch (IllegalArgumentException bad) {
            r.problem(
                    ProblemCodes.BAD_VALUE,
                    "routing.rules",
                    raw,
                    "comma-separated LEVELS=SINKS rules, levels joined by | (a level name, NAME+ for it and above, or"
                            + " *), sinks by +, such as ERROR+=errors, *=stdout-json; " + bad.getMessage());
            rules = List.of();
        }
        List<String> fallback = r.list("routing.fallback");
        if (rules.isEmpty() && !fallback.isEmpty()) {
            r.problem(
                    ProblemCodes.CONFLICT,
                    "routing.fallback",
                    r.raw("routing.fallback"),
                    "none, unless fapilog.routing.rules is set: without rules every sink gets every event");
        }
        return rules.isEmpty()
                ? dev.fapilog.Routing.ALL
                : new dev.fapilog.Routing(rules, r.bool("routing.overlap"), fallback);
    }

    private int protectedCapacity(int queueCapacity) {
        String raw = reader.raw("queue.protected-capacity").trim();
        if (raw.equalsIgnoreCase("auto")) {
            return Math.max(100, queueCapacity / 10);
        }
        return reader.integer("queue.protected-capacity", 0, MAX_QUEUE_CAPACITY);
    }

    private static String presetIds() {
        List<String> ids = new ArrayList<>();
        for (Preset p : Preset.values()) {
            ids.add(p.id());
        }
        return String.join(", ", ids);
    }
}
