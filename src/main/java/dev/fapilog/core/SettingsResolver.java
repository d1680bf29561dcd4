package dev.fapilog.core;

import dev.fapilog.ConfigProblem;
import dev.fapilog.Level;
import dev.fapilog.Preset;
import dev.fapilog.core.Settings.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves flat settings into {@link Settings}: <em>explicit &gt; preset &gt; environment detection &gt; default</em>
 * (environment detection applies only when no preset is chosen). Every problem is collected, so one run reports all
 * of them; the caller turns a non-empty list into a {@link dev.fapilog.ConfigurationException}.
 *
 * <p>Keys are given without the {@code fapilog.} prefix. Keys under {@code sink.<name>.} other than
 * {@code timeout}/{@code retry.*} are collected into {@link Settings#sinkOptions()} for the sink's own validation.
 */
public final class SettingsResolver {

    /** Largest accepted queue capacity: large enough for any sane use, small enough never to exhaust the heap. */
    public static final int MAX_QUEUE_CAPACITY = 1 << 24;

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    private static final Set<String> SINK_DELIVERY_KEYS = Set.of("timeout", "retry.max-attempts", "retry.backoff");

    static {
        DEFAULTS.put("preset", "");
        DEFAULTS.put("name", "fapilog");
        DEFAULTS.put("level", "auto");
        DEFAULTS.put("format", "auto");
        DEFAULTS.put("sinks", "");
        DEFAULTS.put("queue.capacity", "10000");
        DEFAULTS.put("queue.protected-capacity", "auto");
        DEFAULTS.put("queue.protected-levels", "ERROR,CRITICAL,AUDIT,SECURITY");
        DEFAULTS.put("backpressure.policy", "drop");
        DEFAULTS.put("backpressure.wait", "50ms");
        DEFAULTS.put("batch.max-size", "256");
        DEFAULTS.put("batch.timeout", "250ms");
        DEFAULTS.put("shutdown.timeout", "5s");
        DEFAULTS.put("shutdown.hook", "true");
        DEFAULTS.put("sink.timeout", "5s");
        DEFAULTS.put("sink.retry.max-attempts", "3");
        DEFAULTS.put("sink.retry.backoff", "100ms");
        DEFAULTS.put("enrichers", "runtime-info");
        DEFAULTS.put("redactors", "url-credentials");
        DEFAULTS.put("redaction.presets", "none");
        DEFAULTS.put("redaction.fields", "none");
        DEFAULTS.put("redaction.patterns", "none");
        DEFAULTS.put("redaction.mask", "***");
        DEFAULTS.put("redaction.fail-mode", "warn");
        DEFAULTS.put(
                "redaction.blocked-fields",
                "body,request_body,response_body,payload,raw,dump,raw_body,raw_request,raw_response");
        DEFAULTS.put("redaction.allowed-fields", "none");
        DEFAULTS.put("redaction.max-string-length", "4096");
        DEFAULTS.put("redaction.allow-unsafe-patterns", "false");
        RedactionGuardrails g = RedactionGuardrails.DEFAULTS;
        DEFAULTS.put("redaction.max-depth", Integer.toString(g.maxDepth()));
        DEFAULTS.put("redaction.max-keys-scanned", Integer.toString(g.maxKeysScanned()));
        DEFAULTS.put("redaction.on-guardrail-exceeded", "replace-subtree");
        DEFAULTS.put("filters", "none");
        DEFAULTS.put("filter.seed", "random");
        DEFAULTS.put("filter.level.min-level", "TRACE");
        DEFAULTS.put("filter.level.loggers", "none");
        DEFAULTS.put("filter.sampling.rate", "1.0");
        DEFAULTS.put("filter.rate-limit.capacity", "100");
        DEFAULTS.put("filter.rate-limit.refill-per-second", "10");
        DEFAULTS.put("filter.rate-limit.key-field", "none");
        DEFAULTS.put("filter.rate-limit.max-keys", "10000");
        DEFAULTS.put("filter.rate-limit.overflow-action", "drop");
        DEFAULTS.put("filter.adaptive-sampling.target-eps", "1000");
        DEFAULTS.put("filter.adaptive-sampling.window", "10s");
        DEFAULTS.put("filter.adaptive-sampling.smoothing", "0.3");
        DEFAULTS.put("filter.adaptive-sampling.min-rate", "0.01");
        DEFAULTS.put("filter.adaptive-sampling.max-rate", "1.0");
        DEFAULTS.put("filter.adaptive-sampling.always-pass-levels", "ERROR,CRITICAL,AUDIT,SECURITY");
        DEFAULTS.put("filter.trace-sampling.rate", "1.0");
        DEFAULTS.put("filter.trace-sampling.always-pass-levels", "ERROR,CRITICAL,AUDIT,SECURITY");
        DEFAULTS.put("filter.first-occurrence.key-fields", "message");
        DEFAULTS.put("filter.first-occurrence.window", "60s");
        DEFAULTS.put("filter.first-occurrence.subsequent-sample-rate", "0");
        DEFAULTS.put("filter.first-occurrence.max-keys", "10000");
        DEFAULTS.put("enricher.kubernetes.downward-api-path", "/etc/podinfo");
        DEFAULTS.put("processors", "none");
        DEFAULTS.put("processor.size-guard.max-bytes", "256KB");
        DEFAULTS.put("processor.size-guard.action", "truncate");
        DEFAULTS.put("processor.size-guard.preserve-fields", "none");
        DEFAULTS.put("service.name", "");
        DEFAULTS.put("service.environment", "");
        DEFAULTS.put("service.version", "");
        ValueLimits d = ValueLimits.DEFAULTS;
        DEFAULTS.put("encoder.max-string-length", Integer.toString(d.maxStringLength()));
        DEFAULTS.put("encoder.max-depth", Integer.toString(d.maxDepth()));
        DEFAULTS.put("encoder.max-elements", Integer.toString(d.maxElements()));
        DEFAULTS.put("encoder.max-fields", Integer.toString(d.maxFields()));
        DEFAULTS.put("encoder.max-binary-bytes", Integer.toString(d.maxBinaryBytes()));
        DEFAULTS.put("encoder.max-frames", Integer.toString(d.maxFrames()));
        DEFAULTS.put("encoder.max-cause-depth", Integer.toString(d.maxCauseDepth()));
        DEFAULTS.put("encoder.max-suppressed", Integer.toString(d.maxSuppressed()));
        DEFAULTS.put("encoder.max-event-bytes", "1MB");
        DEFAULTS.put("diagnostics.enabled", "true");
        DEFAULTS.put("diagnostics.output", "stderr");
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final String presetName;

    private SettingsResolver(Map<String, String> explicit, EnvironmentFacts env) {
        Map<String, String> normalized = new LinkedHashMap<>();
        explicit.forEach((k, v) -> normalized.put(stripPrefix(k), v == null ? "" : v));

        Preset preset = null;
        String rawPreset = normalized.getOrDefault("preset", "").trim();
        if (!rawPreset.isEmpty()) {
            preset = Preset.byId(rawPreset).orElse(null);
            if (preset == null) {
                problem(ProblemCodes.BAD_VALUE, "preset", rawPreset, "one of " + presetIds());
            }
        }
        this.presetName = preset == null ? null : preset.id();
        layer(DEFAULTS, Source.DEFAULT);
        if (preset == null) {
            layer(PresetSettings.ofEnvironment(env.kind()), Source.ENVIRONMENT);
        } else {
            layer(PresetSettings.of(preset), Source.PRESET);
        }
        for (Map.Entry<String, String> e : normalized.entrySet()) {
            String key = e.getKey();
            if (DEFAULTS.containsKey(key) || key.startsWith("sink.")) {
                values.put(key, e.getValue());
                sources.put(key, Source.EXPLICIT);
            } else {
                problem(ProblemCodes.UNKNOWN_KEY, key, e.getValue(), "no such setting" + suggestion(key));
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

    /** Every key a runtime understands, apart from sink-specific {@code sink.<name>.*} keys. */
    public static Set<String> knownKeys() {
        return Collections.unmodifiableSet(DEFAULTS.keySet());
    }

    /** The built-in default of a key (as text), for documentation and tests. */
    public static Optional<String> defaultOf(String key) {
        return Optional.ofNullable(DEFAULTS.get(key));
    }

    /** Resolves explicit settings over the preset they name (if any), environment detection and the defaults. */
    public static Result resolve(Map<String, String> explicit, EnvironmentFacts env) {
        SettingsResolver r = new SettingsResolver(explicit, env);
        Settings s = r.build(env);
        return new Result(s, List.copyOf(r.problems));
    }

    /** {@code fapilog.queue.capacity} becomes {@code queue.capacity}. */
    public static String stripPrefix(String key) {
        String k = key.trim();
        return k.startsWith("fapilog.") ? k.substring("fapilog.".length()) : k;
    }

    private void layer(Map<String, String> layer, Source source) {
        layer.forEach((k, v) -> {
            values.put(k, v);
            sources.put(k, source);
        });
    }

    private Settings build(EnvironmentFacts env) {
        String name = text("name", v -> v.matches("[A-Za-z0-9._-]{1,64}"), "1 to 64 letters, digits, '.', '_' or '-'");
        Level level = level(env);
        List<String> sinks = sinks(env);

        int queueCapacity = intIn("queue.capacity", 1, MAX_QUEUE_CAPACITY);
        int protectedCapacity = protectedCapacity(queueCapacity);
        Set<Level> protectedLevels = levels("queue.protected-levels");
        BackpressurePolicy policy = choice("backpressure.policy", BackpressurePolicy.class, BackpressurePolicy.DROP);
        Duration wait = durationIn("backpressure.wait", Duration.ofMinutes(1));
        int batchMax = intIn("batch.max-size", 1, 65_536);
        if (batchMax > queueCapacity) {
            problem(
                    ProblemCodes.CONFLICT,
                    "batch.max-size",
                    values.get("batch.max-size"),
                    "at most fapilog.queue.capacity (" + queueCapacity + "): a batch cannot be larger than the queue");
        }
        Duration batchTimeout = durationIn("batch.timeout", Duration.ofMinutes(1));
        Duration shutdownTimeout = durationIn("shutdown.timeout", Duration.ofMinutes(10));
        boolean shutdownHook = bool("shutdown.hook");

        Settings.SinkDelivery sinkDefaults = delivery("sink.timeout", "sink.retry.max-attempts", "sink.retry.backoff");
        Map<String, Settings.SinkDelivery> overrides = new LinkedHashMap<>();
        Map<String, Map<String, String>> sinkOptions = new LinkedHashMap<>();
        sinkKeys(sinkDefaults, overrides, sinkOptions);

        List<String> enrichers = ConfigValues.list(values.get("enrichers"));
        List<String> redactors = ConfigValues.list(values.get("redactors"));
        RedactionFailMode failMode = choice("redaction.fail-mode", RedactionFailMode.class, RedactionFailMode.WARN);
        String mask = text("redaction.mask", v -> !v.isEmpty() && v.length() <= 64, "1 to 64 characters");
        Settings.Redaction redaction = new Settings.Redaction(
                ConfigValues.list(values.get("redaction.presets")),
                ConfigValues.list(values.get("redaction.fields")),
                ConfigValues.list(values.get("redaction.patterns")),
                mask,
                failMode,
                lowerCase(ConfigValues.list(values.get("redaction.blocked-fields"))),
                lowerCase(ConfigValues.list(values.get("redaction.allowed-fields"))),
                intIn("redaction.max-string-length", 16, 64 << 20),
                bool("redaction.allow-unsafe-patterns"),
                new RedactionGuardrails(
                        intIn("redaction.max-depth", 1, 256),
                        intIn("redaction.max-keys-scanned", 1, 10_000_000),
                        choice(
                                "redaction.on-guardrail-exceeded",
                                RedactionGuardrails.Action.class,
                                RedactionGuardrails.Action.REPLACE_SUBTREE)));
        Settings.FilterOptions filter = filterOptions();
        Settings.SizeGuard sizeGuard = new Settings.SizeGuard(
                (int) sizeIn("processor.size-guard.max-bytes", 1 << 10, 64 << 20),
                text(
                        "processor.size-guard.action",
                        v -> v.equals("truncate") || v.equals("drop") || v.equals("warn"),
                        "one of truncate, drop, warn"),
                ConfigValues.list(values.get("processor.size-guard.preserve-fields")));
        String serviceName = values.get("service.name").trim();
        Settings.Service service = new Settings.Service(
                serviceName.isEmpty() ? name : serviceName,
                blankToNull(values.get("service.environment")),
                blankToNull(values.get("service.version")));

        ValueLimits limits = new ValueLimits(
                intIn("encoder.max-string-length", 16, 64 << 20),
                intIn("encoder.max-depth", 1, 256),
                intIn("encoder.max-elements", 1, 1_000_000),
                intIn("encoder.max-fields", 1, 1_000_000),
                (int) sizeIn("encoder.max-binary-bytes", 0, 16 << 20),
                intIn("encoder.max-frames", 0, 100_000),
                intIn("encoder.max-cause-depth", 1, 1_000),
                intIn("encoder.max-suppressed", 0, 10_000),
                (int) sizeIn("encoder.max-event-bytes", 1 << 10, 64 << 20));
        boolean diagnosticsEnabled = bool("diagnostics.enabled");
        String diagnosticsOutput = text(
                "diagnostics.output",
                v -> v.equals("stderr") || v.equals("system-logger"),
                "one of stderr, system-logger");

        return new Settings(
                name,
                presetName == null ? null : Preset.byId(presetName).orElseThrow(),
                level,
                sinks,
                freeze(sinkOptions),
                queueCapacity,
                protectedCapacity,
                protectedLevels,
                policy,
                wait,
                batchMax,
                batchTimeout,
                shutdownTimeout,
                shutdownHook,
                sinkDefaults,
                Map.copyOf(overrides),
                ConfigValues.list(values.get("filters")),
                filter,
                List.copyOf(enrichers),
                List.copyOf(redactors),
                redaction,
                ConfigValues.list(values.get("processors")),
                sizeGuard,
                service,
                text("enricher.kubernetes.downward-api-path", SettingsResolver::isPath, "a directory path"),
                limits,
                diagnosticsEnabled,
                diagnosticsOutput,
                env,
                Map.copyOf(sources));
    }

    private Settings.FilterOptions filterOptions() {
        String seed = values.get("filter.seed").trim();
        Long seedValue = null;
        if (!seed.equalsIgnoreCase("random")) {
            try {
                seedValue = Long.parseLong(seed);
            } catch (NumberFormatException e) {
                problem(ProblemCodes.BAD_VALUE, "filter.seed", seed, "random or a whole number");
            }
        }
        Level min = namedLevel("filter.level.min-level", Level.TRACE);
        Map<String, Level> loggers = new LinkedHashMap<>();
        for (String entry : ConfigValues.list(values.get("filter.level.loggers"))) {
            int eq = entry.indexOf('=');
            Optional<Level> l = eq > 0 ? Level.named(entry.substring(eq + 1).trim()) : Optional.empty();
            if (l.isEmpty()) {
                problem(
                        ProblemCodes.BAD_VALUE,
                        "filter.level.loggers",
                        values.get("filter.level.loggers"),
                        "a comma-separated list of logger-prefix=LEVEL, such as com.acme.noisy=WARNING;" + " levels: "
                                + levelNames());
                break;
            }
            loggers.put(entry.substring(0, eq).trim(), l.get());
        }
        String overflow = text(
                "filter.rate-limit.overflow-action", v -> v.equals("drop") || v.equals("mark"), "one of drop, mark");
        String keyField = values.get("filter.rate-limit.key-field").trim();
        Settings.RateLimit rateLimit = new Settings.RateLimit(
                intIn("filter.rate-limit.capacity", 1, 1_000_000_000),
                rate("filter.rate-limit.refill-per-second", 1e9),
                keyField.isEmpty() || keyField.equalsIgnoreCase("none") ? null : keyField,
                intIn("filter.rate-limit.max-keys", 1, 10_000_000),
                overflow.equals("mark"));
        double minRate = rate("filter.adaptive-sampling.min-rate", 1.0);
        double maxRate = rate("filter.adaptive-sampling.max-rate", 1.0);
        if (minRate > maxRate) {
            problem(
                    ProblemCodes.CONFLICT,
                    "filter.adaptive-sampling.min-rate",
                    values.get("filter.adaptive-sampling.min-rate"),
                    "at most filter.adaptive-sampling.max-rate (" + maxRate + ")");
        }
        Settings.AdaptiveSampling adaptive = new Settings.AdaptiveSampling(
                positive("filter.adaptive-sampling.target-eps", 1e9),
                durationIn("filter.adaptive-sampling.window", Duration.ofHours(1)),
                positive("filter.adaptive-sampling.smoothing", 1.0),
                minRate,
                maxRate,
                levels("filter.adaptive-sampling.always-pass-levels"));
        Settings.TraceSampling trace = new Settings.TraceSampling(
                rate("filter.trace-sampling.rate", 1.0), levels("filter.trace-sampling.always-pass-levels"));
        List<String> keyFields = ConfigValues.list(values.get("filter.first-occurrence.key-fields"));
        if (keyFields.isEmpty()) {
            problem(
                    ProblemCodes.BAD_VALUE,
                    "filter.first-occurrence.key-fields",
                    values.get("filter.first-occurrence.key-fields"),
                    "message and/or top-level field names, comma-separated");
            keyFields = List.of("message");
        }
        Settings.FirstOccurrence first = new Settings.FirstOccurrence(
                List.copyOf(keyFields),
                durationIn("filter.first-occurrence.window", Duration.ofDays(1)),
                rate("filter.first-occurrence.subsequent-sample-rate", 1.0),
                intIn("filter.first-occurrence.max-keys", 1, 10_000_000));
        return new Settings.FilterOptions(
                seedValue,
                new Settings.LevelThresholds(min, Collections.unmodifiableMap(loggers)),
                rate("filter.sampling.rate", 1.0),
                rateLimit,
                adaptive,
                trace,
                first);
    }

    private Level namedLevel(String key, Level fallback) {
        Optional<Level> l = Level.named(values.get(key).trim());
        if (l.isEmpty()) {
            problem(ProblemCodes.BAD_VALUE, key, values.get(key), "a level name: " + levelNames());
            return fallback;
        }
        return l.get();
    }

    /** A number from 0 to {@code max}. */
    private double rate(String key, double max) {
        return number(key, 0, max, true);
    }

    /** A number greater than 0 and at most {@code max}. */
    private double positive(String key, double max) {
        return number(key, 0, max, false);
    }

    private double number(String key, double min, double max, boolean minIncluded) {
        String raw = values.get(key);
        String allowed = "a number " + (minIncluded ? "from " + min : "greater than " + min) + " to " + max;
        try {
            double v = Double.parseDouble(raw.trim());
            if (Double.isNaN(v) || v > max || v < min || (!minIncluded && v == min)) {
                problem(ProblemCodes.OUT_OF_RANGE, key, raw, allowed);
                return Double.parseDouble(DEFAULTS.get(key));
            }
            return v;
        } catch (NumberFormatException e) {
            problem(ProblemCodes.BAD_VALUE, key, raw, allowed);
            return Double.parseDouble(DEFAULTS.get(key));
        }
    }

    private Level level(EnvironmentFacts env) {
        String raw = values.get("level").trim();
        if (raw.equalsIgnoreCase("auto")) {
            return env.stdoutIsTerminal() && env.kind().equals("local") ? Level.DEBUG : Level.INFO;
        }
        Optional<Level> level = Level.named(raw);
        if (level.isEmpty()) {
            problem(ProblemCodes.BAD_VALUE, "level", raw, "auto or a level name: " + levelNames());
            return Level.INFO;
        }
        return level.get();
    }

    private List<String> sinks(EnvironmentFacts env) {
        String format = values.get("format").trim().toLowerCase(Locale.ROOT);
        if (!format.equals("auto") && !format.equals("json") && !format.equals("pretty")) {
            problem(ProblemCodes.BAD_VALUE, "format", values.get("format"), "one of auto, json, pretty");
            format = "auto";
        }
        boolean formatExplicit = sources.get("format") == Source.EXPLICIT;
        boolean sinksExplicit = sources.get("sinks") == Source.EXPLICIT;
        List<String> sinks = ConfigValues.list(values.get("sinks"));
        if (formatExplicit && sinksExplicit) {
            problem(
                    ProblemCodes.CONFLICT,
                    "format",
                    values.get("format"),
                    "not together with fapilog.sinks: format only chooses the stdout sink when sinks is not set");
        }
        boolean none = values.get("sinks").trim().equalsIgnoreCase("none");
        if ((sinks.isEmpty() && !none) || (formatExplicit && !sinksExplicit)) {
            boolean pretty = format.equals("pretty") || (format.equals("auto") && env.stdoutIsTerminal());
            sinks = List.of(pretty ? "stdout-pretty" : "stdout-json");
            if (!formatExplicit && !sources.containsKey("sinks")) {
                sources.put("sinks", Source.DEFAULT);
            }
        }
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(sinks));
        if (unique.size() != sinks.size()) {
            problem(ProblemCodes.CONFLICT, "sinks", values.get("sinks"), "each sink name at most once");
        }
        return List.copyOf(unique);
    }

    private int protectedCapacity(int queueCapacity) {
        String raw = values.get("queue.protected-capacity").trim();
        if (raw.equalsIgnoreCase("auto")) {
            return Math.max(100, queueCapacity / 10);
        }
        return intIn("queue.protected-capacity", 0, MAX_QUEUE_CAPACITY);
    }

    private Set<Level> levels(String key) {
        Set<Level> out = new LinkedHashSet<>();
        for (String name : ConfigValues.list(values.get(key))) {
            Optional<Level> l = Level.named(name);
            if (l.isPresent()) {
                out.add(l.get());
            } else {
                problem(ProblemCodes.BAD_VALUE, key, values.get(key), "a comma-separated list of " + levelNames());
                break;
            }
        }
        return Set.copyOf(out);
    }

    private void sinkKeys(
            Settings.SinkDelivery defaults,
            Map<String, Settings.SinkDelivery> overrides,
            Map<String, Map<String, String>> options) {
        Map<String, Map<String, String>> delivery = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("sink.") || DEFAULTS.containsKey(key)) {
                continue;
            }
            String rest = key.substring("sink.".length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                problem(
                        ProblemCodes.UNKNOWN_KEY,
                        key,
                        e.getValue(),
                        "sink options look like fapilog.sink.<sink>.<option>" + suggestion(key));
                continue;
            }
            String sink = rest.substring(0, dot);
            String option = rest.substring(dot + 1);
            if (SINK_DELIVERY_KEYS.contains(option)) {
                delivery.computeIfAbsent(sink, s -> new LinkedHashMap<>()).put(option, e.getValue());
            } else {
                options.computeIfAbsent(sink, s -> new LinkedHashMap<>()).put(option, e.getValue());
            }
        }
        for (Map.Entry<String, Map<String, String>> e : delivery.entrySet()) {
            String prefix = "sink." + e.getKey() + ".";
            Map<String, String> o = e.getValue();
            Duration timeout = o.containsKey("timeout")
                    ? parseDuration(prefix + "timeout", o.get("timeout"), Duration.ofMinutes(10))
                    : defaults.timeout();
            int attempts = o.containsKey("retry.max-attempts")
                    ? parseInt(prefix + "retry.max-attempts", o.get("retry.max-attempts"), 1, 100)
                    : defaults.maxAttempts();
            Duration backoff = o.containsKey("retry.backoff")
                    ? parseDuration(prefix + "retry.backoff", o.get("retry.backoff"), Duration.ofMinutes(1))
                    : defaults.backoff();
            overrides.put(e.getKey(), new Settings.SinkDelivery(timeout, attempts, backoff));
        }
    }

    private Settings.SinkDelivery delivery(String timeoutKey, String attemptsKey, String backoffKey) {
        return new Settings.SinkDelivery(
                durationIn(timeoutKey, Duration.ofMinutes(10)),
                intIn(attemptsKey, 1, 100),
                durationIn(backoffKey, Duration.ofMinutes(1)));
    }

    // ---- typed readers: each records a problem and returns a usable fallback, so reading goes on

    private int intIn(String key, int min, int max) {
        return parseInt(key, values.get(key), min, max);
    }

    private int parseInt(String key, String raw, int min, int max) {
        String allowed = "an integer from " + min + " to " + max;
        try {
            long v = Long.parseLong(raw.trim().replace("_", ""));
            if (v < min || v > max) {
                problem(ProblemCodes.OUT_OF_RANGE, key, raw, allowed);
                return clampDefault(key, min, max);
            }
            return (int) v;
        } catch (NumberFormatException e) {
            problem(ProblemCodes.BAD_VALUE, key, raw, allowed);
            return clampDefault(key, min, max);
        }
    }

    private int clampDefault(String key, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(DEFAULTS.getOrDefault(key, "1"))));
        } catch (NumberFormatException e) {
            return min;
        }
    }

    private long sizeIn(String key, long min, long max) {
        String raw = values.get(key);
        String allowed = "a size from " + min + " to " + max + " bytes, such as 4096, 512KB or 10MB";
        try {
            long v = ConfigValues.size(raw);
            if (v < min || v > max) {
                problem(ProblemCodes.OUT_OF_RANGE, key, raw, allowed);
                return ConfigValues.size(DEFAULTS.get(key));
            }
            return v;
        } catch (IllegalArgumentException e) {
            problem(ProblemCodes.BAD_VALUE, key, raw, allowed);
            return ConfigValues.size(DEFAULTS.get(key));
        }
    }

    private Duration durationIn(String key, Duration max) {
        return parseDuration(key, values.get(key), max);
    }

    private Duration parseDuration(String key, String raw, Duration max) {
        String allowed = ConfigValues.DURATION_FORMS + ", greater than 0 and at most " + ConfigValues.format(max);
        Duration fallback =
                DEFAULTS.containsKey(key) ? ConfigValues.duration(DEFAULTS.get(key)) : Duration.ofSeconds(5);
        try {
            Duration d = ConfigValues.duration(raw);
            if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
                problem(ProblemCodes.OUT_OF_RANGE, key, raw, allowed);
                return fallback;
            }
            return d;
        } catch (IllegalArgumentException | ArithmeticException e) {
            problem(ProblemCodes.BAD_VALUE, key, raw, allowed);
            return fallback;
        }
    }

    private boolean bool(String key) {
        try {
            return ConfigValues.bool(values.get(key));
        } catch (IllegalArgumentException e) {
            problem(ProblemCodes.BAD_VALUE, key, values.get(key), "true or false");
            return ConfigValues.bool(DEFAULTS.get(key));
        }
    }

    private <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        String raw = values.get(key).trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().replace('_', '-').equalsIgnoreCase(raw)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().replace('_', '-').toLowerCase(Locale.ROOT));
        }
        problem(ProblemCodes.BAD_VALUE, key, raw, "one of " + String.join(", ", names));
        return fallback;
    }

    private String text(String key, java.util.function.Predicate<String> valid, String allowed) {
        String raw = values.get(key).trim();
        if (!valid.test(raw)) {
            problem(ProblemCodes.BAD_VALUE, key, values.get(key), allowed);
            return DEFAULTS.get(key);
        }
        return raw;
    }

    private void problem(String code, String key, String value, String allowed) {
        Source source = sources.get(key);
        String origin = source == Source.PRESET ? " (set by preset '" + presetName + "')" : "";
        problems.add(new ConfigProblem(code, key, value, allowed + origin));
    }

    // ---- helpers

    private static List<String> lowerCase(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }

    /** A non-empty path the platform accepts (a NUL character, for one, is refused by {@link java.nio.file.Path#of}). */
    private static boolean isPath(String raw) {
        if (raw.isEmpty()) {
            return false;
        }
        try {
            java.nio.file.Path.of(raw);
            return true;
        } catch (java.nio.file.InvalidPathException invalid) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, Map<String, String>> freeze(Map<String, Map<String, String>> m) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    private static String presetIds() {
        List<String> ids = new ArrayList<>();
        for (Preset p : Preset.values()) {
            ids.add(p.id());
        }
        return String.join(", ", ids);
    }

    private static String levelNames() {
        List<String> names = new ArrayList<>();
        for (Level l : Level.all()) {
            names.add(l.name());
        }
        return String.join(", ", names);
    }

    /** {@code "; did you mean fapilog.queue.capacity?"} for a near miss, else empty. */
    public static String suggestion(String key) {
        return suggestion(key, DEFAULTS.keySet());
    }

    /** {@code "; did you mean fapilog.<candidate>?"} for the closest candidate within a small edit distance. */
    public static String suggestion(String key, Set<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(candidates)) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best != null && bestDistance <= Math.max(2, key.length() / 4)) {
            return "; did you mean fapilog." + best + "?";
        }
        return "";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
