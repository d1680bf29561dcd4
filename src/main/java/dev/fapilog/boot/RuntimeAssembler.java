package dev.fapilog.boot;

import dev.fapilog.ConfigProblem;
import dev.fapilog.Plugin;
import dev.fapilog.core.EventEncoder;
import dev.fapilog.core.NamedSink;
import dev.fapilog.core.PipelineParts;
import dev.fapilog.core.ProblemCodes;
import dev.fapilog.core.Settings;
import dev.fapilog.enrich.KubernetesEnricher;
import dev.fapilog.enrich.RuntimeInfoEnricher;
import dev.fapilog.enrich.TraceContextEnricher;
import dev.fapilog.filter.AdaptiveSamplingFilter;
import dev.fapilog.filter.FirstOccurrenceFilter;
import dev.fapilog.filter.LevelFilter;
import dev.fapilog.filter.RateLimitFilter;
import dev.fapilog.filter.SamplingFilter;
import dev.fapilog.filter.TraceSamplingFilter;
import dev.fapilog.json.EnvelopeEncoder;
import dev.fapilog.process.SizeGuardProcessor;
import dev.fapilog.redact.FieldBlockerRedactor;
import dev.fapilog.redact.FieldMaskRedactor;
import dev.fapilog.redact.PatternSafety;
import dev.fapilog.redact.RedactionPresets;
import dev.fapilog.redact.RegexMaskRedactor;
import dev.fapilog.redact.StringTruncateRedactor;
import dev.fapilog.redact.UrlCredentialsRedactor;
import dev.fapilog.redact.ValueScanRedactor;
import dev.fapilog.sink.stdout.TextEncoder;
import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.Filter;
import dev.fapilog.spi.Processor;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkFormat;
import dev.fapilog.spi.SinkOption;
import dev.fapilog.spi.SinkProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns validated {@link Settings} plus plug-in instances into {@link PipelineParts}: looks up named sinks, enrichers
 * and redactors, validates sink options, expands redaction presets, and collects every problem instead of stopping at
 * the first. Plug-ins that need it are created here, on the building thread.
 */
final class RuntimeAssembler {
    private final Settings settings;
    private final PluginCatalog catalog;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final boolean createSinks;
    /** Sinks named in the settings that the catalog has, created or not (bad options, or a check run). */
    private final Set<String> knownNamedSinks = new HashSet<>();

    /**
     * @param createSinks {@code false} for a check that validates names and options without calling any
     *     {@link SinkProvider#create}; {@link #assemble} then returns parts without the named sinks
     */
    RuntimeAssembler(Settings settings, PluginCatalog catalog, boolean createSinks) {
        this.settings = settings;
        this.catalog = catalog;
        this.createSinks = createSinks;
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    PipelineParts assemble(List<Plugin> instances) {
        List<NamedSink> sinks = new ArrayList<>();
        List<Filter> filters = filters();
        List<Enricher> enrichers = enrichers();
        List<Redactor> redactors = redactors();
        List<Processor> processors = processors();

        Set<String> instanceSinkNames = new HashSet<>();
        for (Plugin p : instances) {
            if (p instanceof Sink) {
                instanceSinkNames.add(p.name());
            }
        }
        for (String name : settings.sinks()) {
            Sink s = namedSink(name, instanceSinkNames.contains(name));
            if (s != null) {
                sinks.add(new NamedSink(name, s));
            }
        }
        Set<String> used = new HashSet<>();
        for (NamedSink s : sinks) {
            used.add(s.name());
        }
        for (Plugin p : instances) {
            int kinds = 0;
            if (p instanceof Sink) {
                kinds++;
                if (!used.add(p.name())) {
                    problems.add(new ConfigProblem(
                            ProblemCodes.BAD_PLUGIN_INSTANCE,
                            "sinks",
                            p.name(),
                            "unique sink names; '" + p.name() + "' is used twice"));
                } else {
                    sinks.add(new NamedSink(p.name(), (Sink) p));
                }
            }
            if (p instanceof Filter) {
                kinds++;
                filters.add((Filter) p);
            }
            if (p instanceof Enricher) {
                kinds++;
                enrichers.add((Enricher) p);
            }
            if (p instanceof Redactor) {
                kinds++;
                redactors.add((Redactor) p);
            }
            if (p instanceof Processor) {
                kinds++;
                processors.add((Processor) p);
            }
            if (kinds == 0) {
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_PLUGIN_INSTANCE,
                        "plugin",
                        p.getClass().getName(),
                        "a Sink, Filter, Enricher, Redactor or Processor from dev.fapilog.spi"));
            }
        }
        used.addAll(knownNamedSinks);
        checkSinkKeys(used);
        if (sinks.isEmpty() && knownNamedSinks.isEmpty()) {
            problems.add(new ConfigProblem(
                    ProblemCodes.CONFLICT,
                    "sinks",
                    "none",
                    "at least one sink: name one in fapilog.sinks or add a sink instance to the builder"));
        }
        return new PipelineParts(sinks, filters, enrichers, redactors, processors, encoders(sinks));
    }

    private Sink namedSink(String name, boolean alsoAnInstance) {
        SinkProvider provider = catalog.sink(name);
        if (provider == null) {
            if (!alsoAnInstance) {
                unknownPlugin("sinks", "sink", name, PluginCatalog.PLANNED_SINKS.contains(name), catalog.sinkNames());
            }
            return null;
        }
        knownNamedSinks.add(name);
        Map<String, String> given = settings.sinkOptions().getOrDefault(name, Map.of());
        if (!validOptions(name, provider.options(), given) || !createSinks) {
            return null;
        }
        try {
            Sink sink = provider.create(new SinkConfigValues(
                    name, provider.options(), given, settings.environment().stdoutIsTerminal()));
            if (sink == null) {
                throw new IllegalStateException("the provider returned null");
            }
            return sink;
        } catch (Exception | LinkageError failed) {
            problems.add(new ConfigProblem(
                    ProblemCodes.PLUGIN_FAILED,
                    "sinks",
                    name,
                    "a sink that can be created; " + provider.getClass().getName() + " failed: " + failed));
            return null;
        }
    }

    private boolean validOptions(String sink, List<SinkOption> declared, Map<String, String> given) {
        boolean ok = true;
        for (Map.Entry<String, String> e : given.entrySet()) {
            SinkOption option = null;
            for (SinkOption o : declared) {
                if (o.key().equals(e.getKey())) {
                    option = o;
                }
            }
            String key = "sink." + sink + "." + e.getKey();
            if (option == null) {
                Set<String> keys = new LinkedHashSet<>(List.of("timeout", "retry.max-attempts", "retry.backoff"));
                declared.forEach(o -> keys.add(o.key()));
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_SINK_OPTION,
                        key,
                        e.getValue(),
                        "an option of sink '" + sink + "': " + String.join(", ", keys)));
                ok = false;
            } else if (!safeTest(option, e.getValue())) {
                problems.add(new ConfigProblem(ProblemCodes.BAD_SINK_OPTION, key, e.getValue(), option.allowed()));
                ok = false;
            }
        }
        return ok;
    }

    private static boolean safeTest(SinkOption option, String value) {
        try {
            return value != null && option.validator().test(value);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Options for sinks that exist but are not used are still validated; options for unknown sinks are errors. */
    private void checkSinkKeys(Set<String> usedSinks) {
        Set<String> mentioned = new LinkedHashSet<>(settings.sinkOptions().keySet());
        mentioned.addAll(settings.sinkOverrides().keySet());
        for (String sink : mentioned) {
            if (usedSinks.contains(sink)) {
                continue;
            }
            SinkProvider provider = catalog.sink(sink);
            if (provider != null) {
                validOptions(sink, provider.options(), settings.sinkOptions().getOrDefault(sink, Map.of()));
            } else {
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_SINK_OPTION,
                        "sink." + sink + ".*",
                        sink,
                        "options of a known sink: " + String.join(", ", catalog.sinkNames())));
            }
        }
    }

    private List<Filter> filters() {
        Settings.FilterOptions o = settings.filter();
        Long seed = o.seed();
        List<Filter> out = new ArrayList<>();
        for (String name : settings.filters()) {
            switch (name) {
                case "level":
                    out.add(new LevelFilter(o.level().minLevel(), o.level().loggers()));
                    break;
                case "sampling":
                    out.add(new SamplingFilter(o.samplingRate(), seed));
                    break;
                case "rate-limit":
                    Settings.RateLimit r = o.rateLimit();
                    out.add(new RateLimitFilter(
                            r.capacity(), r.refillPerSecond(), r.keyField(), r.maxKeys(), r.mark()));
                    break;
                case "adaptive-sampling":
                    Settings.AdaptiveSampling a = o.adaptive();
                    if (a.minRate() <= a.maxRate()) { // else reported by the settings
                        out.add(new AdaptiveSamplingFilter(
                                a.targetEps(),
                                a.window(),
                                a.smoothing(),
                                a.minRate(),
                                a.maxRate(),
                                a.alwaysPass(),
                                seed));
                    }
                    break;
                case "trace-sampling":
                    out.add(new TraceSamplingFilter(o.trace().rate(), o.trace().alwaysPass(), seed));
                    break;
                case "first-occurrence":
                    Settings.FirstOccurrence f = o.firstOccurrence();
                    out.add(new FirstOccurrenceFilter(
                            f.keyFields(), f.window(), f.subsequentRate(), f.maxKeys(), seed));
                    break;
                default:
                    unknownPlugin("filters", "filter", name, false, PluginCatalog.FILTERS);
            }
        }
        return out;
    }

    private List<Enricher> enrichers() {
        List<Enricher> out = new ArrayList<>();
        for (String name : settings.enrichers()) {
            switch (name) {
                case "runtime-info":
                    Settings.Service s = settings.service();
                    out.add(new RuntimeInfoEnricher(s.name(), s.environment(), s.version()));
                    break;
                case "kubernetes":
                    out.add(new KubernetesEnricher(Path.of(settings.kubernetesDownwardApi())));
                    break;
                case "trace-context":
                    out.add(new TraceContextEnricher());
                    break;
                default:
                    unknownPlugin(
                            "enrichers",
                            "enricher",
                            name,
                            PluginCatalog.PLANNED_ENRICHERS.contains(name),
                            PluginCatalog.ENRICHERS);
            }
        }
        return out;
    }

    private List<Processor> processors() {
        List<Processor> out = new ArrayList<>();
        for (String name : settings.processors()) {
            if (name.equals("size-guard")) {
                Settings.SizeGuard g = settings.sizeGuard();
                out.add(new SizeGuardProcessor(
                        g.maxBytes(),
                        SizeGuardProcessor.Action.valueOf(g.action().toUpperCase(java.util.Locale.ROOT)),
                        g.preserveFields(),
                        settings.limits()));
            } else {
                unknownPlugin("processors", "processor", name, false, PluginCatalog.PROCESSORS);
            }
        }
        return out;
    }

    private List<Redactor> redactors() {
        Settings.Redaction r = settings.redaction();
        List<String> fields = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        boolean scanValues = false;
        for (String preset : r.presets()) {
            if (RedactionPresets.find(preset).isPresent()) {
                var resolved = RedactionPresets.resolve(preset); // with every preset it extends
                resolved.fields().forEach(f -> fields.add("data.**." + f)); // at any depth of data
                patterns.addAll(resolved.patterns());
                scanValues |= resolved.scanValues();
            } else {
                problems.add(new ConfigProblem(
                        ProblemCodes.UNKNOWN_PLUGIN,
                        "redaction.presets",
                        preset,
                        "a redaction preset name; available: " + String.join(", ", RedactionPresets.available())
                                + origin("redaction.presets")));
            }
        }
        fields.addAll(r.fields());
        patterns.addAll(r.patterns());

        List<String> names = new ArrayList<>(settings.redactors());
        boolean explicit = settings.sourceOf("redactors") == Settings.Source.EXPLICIT;
        requireRedactor(names, explicit, "field-mask", !fields.isEmpty(), "redaction.presets / redaction.fields");
        requireRedactor(names, explicit, "regex-mask", !patterns.isEmpty(), "redaction.presets / redaction.patterns");
        requireRedactor(
                names, explicit, "value-scan", scanValues, "redaction.presets (PCI_DSS scans values for cards)");

        List<Redactor> out = new ArrayList<>();
        for (String name : names) {
            switch (name) {
                case "field-mask":
                    fieldMask(fields, r.mask(), out);
                    break;
                case "regex-mask":
                    regexMask(patterns, r.mask(), out);
                    break;
                case "url-credentials":
                    out.add(new UrlCredentialsRedactor(r.guardrails(), r.mask()));
                    break;
                case "value-scan":
                    out.add(new ValueScanRedactor(r.mask(), r.guardrails()));
                    break;
                case "field-blocker":
                    out.add(new FieldBlockerRedactor(r.blockedFields(), r.allowedFields(), r.guardrails(), r.mask()));
                    break;
                case "string-truncate":
                    out.add(new StringTruncateRedactor(r.maxStringLength(), r.guardrails(), r.mask()));
                    break;
                default:
                    unknownPlugin(
                            "redactors",
                            "redactor",
                            name,
                            PluginCatalog.PLANNED_REDACTORS.contains(name),
                            PluginCatalog.REDACTORS);
            }
        }
        return out;
    }

    /** Redaction data needs its redactor: added when the list came from a default or preset, an error otherwise. */
    private void requireRedactor(List<String> names, boolean explicit, String redactor, boolean needed, String why) {
        if (!needed || names.contains(redactor)) {
            return;
        }
        if (explicit) {
            problems.add(new ConfigProblem(
                    ProblemCodes.CONFLICT,
                    "redactors",
                    String.join(",", names),
                    "a list containing " + redactor + ", because " + why + " is set"));
        } else {
            names.add(redactor);
        }
    }

    private void fieldMask(List<String> fields, String mask, List<Redactor> out) {
        try {
            out.add(new FieldMaskRedactor(fields, mask, settings.redaction().guardrails()));
        } catch (IllegalArgumentException bad) {
            problems.add(new ConfigProblem(
                    ProblemCodes.BAD_VALUE,
                    "redaction.fields",
                    String.join(",", fields),
                    "dotted field paths such as data.password or data.users[*].ssn: " + bad.getMessage()));
        }
    }

    private void regexMask(List<String> patterns, String mask, List<Redactor> out) {
        List<Pattern> compiled = new ArrayList<>();
        for (String p : patterns) {
            String unsafe = settings.redaction().allowUnsafePatterns() ? null : PatternSafety.problem(p);
            if (unsafe != null) {
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_PATTERN,
                        "redaction.patterns",
                        p,
                        "a pattern that cannot backtrack catastrophically; this one has " + unsafe
                                + " (or set fapilog.redaction.allow-unsafe-patterns=true)"));
                continue;
            }
            try {
                compiled.add(Pattern.compile(p));
            } catch (PatternSyntaxException bad) {
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_PATTERN,
                        "redaction.patterns",
                        p,
                        "a Java regular expression over dotted key paths: " + bad.getDescription()));
            }
        }
        out.add(new RegexMaskRedactor(compiled, mask, settings.redaction().guardrails()));
    }

    private void unknownPlugin(String key, String kind, String name, boolean planned, Set<String> available) {
        String origin = origin(key);
        String code = planned && !origin.isEmpty() ? ProblemCodes.PRESET_NEEDS_PLUGIN : ProblemCodes.UNKNOWN_PLUGIN;
        String what = planned
                ? "a " + kind + " this build has ('" + name + "' is a fapilog " + kind + " not available in this"
                        + " version)"
                : "a known " + kind + " name";
        problems.add(new ConfigProblem(
                code,
                key,
                name,
                what + "; available: " + String.join(", ", new java.util.TreeSet<>(available)) + origin));
    }

    private String origin(String key) {
        if (settings.sourceOf(key) == Settings.Source.PRESET) {
            return " (needed by preset '" + settings.preset().id() + "'; set fapilog." + key
                    + " explicitly to run without it)";
        }
        return "";
    }

    private EventEncoder[] encoders(List<NamedSink> sinks) {
        EventEncoder[] encoders = new EventEncoder[SinkFormat.values().length];
        for (NamedSink s : sinks) {
            SinkFormat f = s.sink().format();
            if (encoders[f.ordinal()] == null) {
                encoders[f.ordinal()] = f == SinkFormat.JSON
                        ? new EnvelopeEncoder(settings.limits())
                        : new TextEncoder(f, settings.limits());
            }
        }
        return encoders;
    }
}
