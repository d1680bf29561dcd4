package dev.fapilog.boot;

import dev.fapilog.ConfigProblem;
import dev.fapilog.Plugin;
import dev.fapilog.config.EngineSettings;
import dev.fapilog.config.PluginCatalog;
import dev.fapilog.config.PluginKind;
import dev.fapilog.config.PluginSettings;
import dev.fapilog.config.ProblemCodes;
import dev.fapilog.config.Settings;
import dev.fapilog.core.NamedSink;
import dev.fapilog.core.PipelineParts;
import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.Filter;
import dev.fapilog.spi.PluginProvider;
import dev.fapilog.spi.Processor;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns validated {@link Settings} plus plug-in instances into {@link PipelineParts}: looks up every named plug-in in
 * the {@link PluginCatalog}, validates sink options, adds the redactors the redaction settings need, creates the
 * plug-ins through their providers on the building thread, and collects every problem instead of stopping at the
 * first. Knows no plug-in by class.
 */
final class RuntimeAssembler {
    /** The option that makes a named sink of a type: {@code fapilog.sink.errors.type=rotating-file}. */
    private static final String TYPE = "type";

    private final Settings settings;
    private final PluginCatalog catalog;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final boolean createSinks;
    /** Sinks named in the settings that the catalog has, created or not (bad options, or a check run). */
    private final Set<String> knownNamedSinks = new HashSet<>();
    /** The engine's settings, with the write deadlines that sink providers ask for where the user set none. */
    private EngineSettings engine;

    /**
     * @param create {@code false} for a check that validates names and options without creating any sink (sinks may
     *     open files or connections; filters, enrichers, redactors and processors are created, as creating them is
     *     how some of their options are checked, and they do nothing until a runtime starts them); {@link #assemble}
     *     then returns parts without the named sinks
     */
    RuntimeAssembler(Settings settings, PluginCatalog catalog, boolean create) {
        this.settings = settings;
        this.catalog = catalog;
        this.createSinks = create;
        this.engine = settings.engine();
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    /** The engine's settings with the sinks' own defaults applied (after {@link #assemble}). */
    EngineSettings engine() {
        return engine;
    }

    PipelineParts assemble(List<Plugin> instances) {
        List<Filter> filters = named(PluginKind.FILTER, settings.plugins(PluginKind.FILTER), Filter.class);
        List<Enricher> enrichers = named(PluginKind.ENRICHER, settings.plugins(PluginKind.ENRICHER), Enricher.class);
        List<Redactor> redactors = named(PluginKind.REDACTOR, redactorNames(), Redactor.class);
        List<Processor> processors =
                named(PluginKind.PROCESSOR, settings.plugins(PluginKind.PROCESSOR), Processor.class);
        List<NamedSink> sinks = new ArrayList<>();
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
        sinks.forEach(s -> used.add(s.name()));
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
            kinds += addIf(p, Filter.class, filters) + addIf(p, Enricher.class, enrichers);
            kinds += addIf(p, Redactor.class, redactors) + addIf(p, Processor.class, processors);
            if (kinds == 0) {
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_PLUGIN_INSTANCE,
                        "plugin",
                        p.getClass().getName(),
                        "a Sink, Filter, Enricher, Redactor or Processor from dev.fapilog.spi"));
            }
        }
        used.addAll(knownNamedSinks); // named sinks count even when a check run does not create them
        checkRouting(sinks, used);
        List<NamedSink> standby = fallbackSinks(used);
        standby.forEach(s -> used.add(s.name()));
        used.addAll(knownNamedSinks); // and the fallback-only ones just looked up
        checkSinkKeys(used);
        if (sinks.isEmpty() && knownNamedSinks.isEmpty() && settings.sinks().isEmpty()) {
            // A named sink that is unknown is reported as such; this is for a pipeline with no sink asked for at all.
            problems.add(new ConfigProblem(
                    ProblemCodes.CONFLICT,
                    "sinks",
                    "none",
                    "at least one sink: name one in fapilog.sinks or add a sink instance to the builder"));
        }
        return new PipelineParts(sinks, standby, filters, enrichers, redactors, processors);
    }

    /** Every sink that {@code routing.rules} and {@code routing.fallback} name must be one of the runtime's sinks. */
    private void checkRouting(List<NamedSink> created, Set<String> sinks) {
        dev.fapilog.Routing routing = settings.engine().routing();
        Set<String> unknown = new LinkedHashSet<>();
        for (dev.fapilog.Routing.Rule r : routing.rules()) {
            r.sinks().stream().filter(s -> !sinks.contains(s)).forEach(unknown::add);
        }
        routing.fallback().stream().filter(s -> !sinks.contains(s)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            problems.add(new ConfigProblem(
                    ProblemCodes.CONFLICT,
                    routing.fallback().stream().anyMatch(unknown::contains) ? "routing.fallback" : "routing.rules",
                    String.join(",", unknown),
                    "sinks of this runtime (fapilog.sinks or added to the builder): " + String.join(", ", sinks)));
        }
        if (created.size() > 64 && routing.isActive()) {
            problems.add(new ConfigProblem(
                    ProblemCodes.CONFLICT, "routing.rules", routing.rules().toString(), "at most 64 sinks to route"));
        }
    }

    /**
     * The sinks named only as another sink's {@code fallback}, created like named sinks; a fallback that names no sink
     * is a problem. A fallback's own fallback is not followed (no chains).
     */
    private List<NamedSink> fallbackSinks(Set<String> mainSinks) {
        List<NamedSink> standby = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String sink : mainSinks) {
            String target = settings.engine().deliveryOf(sink).fallback();
            if (target.equals("none") || target.equals("stderr") || mainSinks.contains(target) || !seen.add(target)) {
                continue;
            }
            if (providerOf(target) == null) {
                seen.remove(target);
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_SINK_OPTION,
                        "sink." + sink + ".fallback",
                        target,
                        "none, stderr, or a sink: a sink type (" + String.join(", ", catalog.names(PluginKind.SINK))
                                + ") or a name given a type by fapilog.sink.<name>.type"));
                continue;
            }
            Sink created = namedSink(target, false);
            if (created != null) {
                standby.add(new NamedSink(target, created));
            }
        }
        return standby;
    }

    /**
     * The provider of a configured sink: the sink type of that name, or for a named sink
     * ({@code fapilog.sink.<name>.type=<type>}, several sinks of one type) the provider of its type.
     */
    private PluginProvider<?> providerOf(String sink) {
        PluginProvider<?> provider = catalog.provider(PluginKind.SINK, sink);
        if (provider != null) {
            return provider;
        }
        String type = settings.sinkOptions().getOrDefault(sink, Map.of()).get(TYPE);
        return type == null ? null : catalog.provider(PluginKind.SINK, type.trim());
    }

    private static <T> int addIf(Plugin p, Class<T> type, List<T> to) {
        if (type.isInstance(p)) {
            to.add(type.cast(p));
            return 1;
        }
        return 0;
    }

    /** The stages a kind's list names, created through their providers in the list's order. */
    private <T> List<T> named(PluginKind kind, List<String> names, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (String name : names) {
            PluginProvider<?> provider = catalog.provider(kind, name);
            if (provider == null) {
                unknownPlugin(kind, name);
            } else {
                T created = created(kind, name, provider, optionsOf(kind, name), type);
                if (created != null) {
                    out.add(created);
                }
            }
        }
        return out;
    }

    /** A plug-in's validated options, its own problems reported into this assembly's. */
    private PluginSettings optionsOf(PluginKind kind, String name) {
        return settings.pluginOptions().get(kind).get(name).reportingTo(problems);
    }

    private <T> T created(
            PluginKind kind, String name, PluginProvider<?> provider, PluginSettings config, Class<T> type) {
        try {
            Object p = provider.create(config);
            if (p == null) {
                throw new IllegalStateException("the provider returned null");
            }
            return type.cast(p);
        } catch (Exception | LinkageError failed) {
            problems.add(new ConfigProblem(
                    ProblemCodes.PLUGIN_FAILED,
                    kind.listKey(),
                    name,
                    "a " + kind.noun() + " that can be created; "
                            + provider.getClass().getName() + " failed: " + failed));
            return null;
        }
    }

    /**
     * The redactor list, with the redactors the redaction settings need: added when the list came from a default or
     * a preset, a conflict when the user set the list without them.
     */
    private List<String> redactorNames() {
        List<String> names = new ArrayList<>(settings.plugins(PluginKind.REDACTOR));
        boolean explicitList = settings.sourceOf("redactors") == Settings.Source.EXPLICIT;
        if (names.isEmpty() && explicitList) {
            return names; // fapilog.redactors=none: redaction off, as asked (reported at start)
        }
        for (Map.Entry<String, PluginProvider<?>> e :
                catalog.providers(PluginKind.REDACTOR).entrySet()) {
            String why = names.contains(e.getKey())
                    ? null
                    : e.getValue().neededBecause(optionsOf(PluginKind.REDACTOR, e.getKey()));
            if (why == null) {
                continue;
            }
            // A conflict only when both sides were asked for: an explicit redactor list keeps the default credential
            // masking (turning that off is explicit too: fapilog.redaction.presets=none, or fapilog.redactors=none).
            boolean explicitReason = java.util.Arrays.stream(why.split(" / "))
                    .anyMatch(part -> settings.sourceOf(part.trim().split(" ", 2)[0]) == Settings.Source.EXPLICIT);
            if (explicitList && explicitReason) {
                problems.add(new ConfigProblem(
                        ProblemCodes.CONFLICT,
                        "redactors",
                        String.join(",", names),
                        "a list containing " + e.getKey() + ", because " + why + " is set"));
            } else {
                names.add(e.getKey());
            }
        }
        return names;
    }

    private Sink namedSink(String name, boolean alsoAnInstance) {
        PluginProvider<?> provider = providerOf(name);
        if (provider == null) {
            if (!alsoAnInstance) {
                unknownPlugin(PluginKind.SINK, name);
            }
            return null;
        }
        knownNamedSinks.add(name);
        if (provider instanceof SinkProvider sp
                && sp.defaultTimeout() != null
                && settings.sourceOf("sink." + name + ".timeout") == Settings.Source.DEFAULT
                && settings.sourceOf("sink.timeout") == Settings.Source.DEFAULT) {
            engine = engine.withSinkTimeout(name, sp.defaultTimeout());
        }
        PluginSettings config = sinkOptions(name, provider);
        if (config == null || !createSinks) {
            return null;
        }
        return created(PluginKind.SINK, name, provider, config, Sink.class);
    }

    /** A sink's validated options, or {@code null} when any is unknown or bad (each reported). */
    private PluginSettings sinkOptions(String sink, PluginProvider<?> provider) {
        Map<String, String> given =
                new java.util.LinkedHashMap<>(settings.sinkOptions().getOrDefault(sink, Map.of()));
        given.remove(TYPE);
        int before = problems.size();
        Set<String> declared = new LinkedHashSet<>(EngineSettings.SinkDelivery.KEYS);
        declared.add(TYPE);
        provider.options().forEach(o -> declared.add(o.key()));
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!declared.contains(e.getKey()) && provider.options().stream().noneMatch(o -> o.covers(e.getKey()))) {
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_SINK_OPTION,
                        "sink." + sink + "." + e.getKey(),
                        e.getValue(),
                        "an option of sink '" + sink + "': " + String.join(", ", declared)));
            }
        }
        PluginSettings config =
                PluginSettings.read(PluginKind.SINK, sink, provider.options(), given, settings.context(), problems);
        return problems.size() == before ? config : null;
    }

    /** Options for sinks that exist but are not used are still validated; options for unknown sinks are errors. */
    private void checkSinkKeys(Set<String> usedSinks) {
        Set<String> mentioned = new LinkedHashSet<>(settings.sinkOptions().keySet());
        mentioned.addAll(settings.engine().sinkOverrides().keySet());
        for (String sink : mentioned) {
            if (usedSinks.contains(sink)) {
                continue;
            }
            PluginProvider<?> provider = providerOf(sink);
            if (provider != null) {
                sinkOptions(sink, provider);
            } else if (settings.sinkOptions().getOrDefault(sink, Map.of()).containsKey(TYPE)) {
                String type = settings.sinkOptions().get(sink).get(TYPE);
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_SINK_OPTION,
                        "sink." + sink + "." + TYPE,
                        type,
                        "a sink type: " + String.join(", ", catalog.names(PluginKind.SINK))));
            } else {
                problems.add(new ConfigProblem(
                        ProblemCodes.BAD_SINK_OPTION,
                        "sink." + sink + ".*",
                        sink,
                        "options of a known sink: " + String.join(", ", catalog.names(PluginKind.SINK))));
            }
        }
    }

    private void unknownPlugin(PluginKind kind, String name) {
        String key = kind.listKey();
        boolean planned = catalog.isPlanned(kind, name);
        String origin = settings.sourceOf(key) == Settings.Source.PRESET
                ? " (needed by preset '" + settings.preset().id() + "'; set fapilog." + key
                        + " explicitly to run without it)"
                : "";
        String code = planned && !origin.isEmpty() ? ProblemCodes.PRESET_NEEDS_PLUGIN : ProblemCodes.UNKNOWN_PLUGIN;
        String noun = kind.noun();
        String what = planned
                ? "a " + noun + " this build has ('" + name + "' is a fapilog " + noun + " not available in this"
                        + " version)"
                : "a known " + noun + " name";
        problems.add(new ConfigProblem(
                code,
                key,
                name,
                what + "; available: " + String.join(", ", new TreeSet<>(catalog.names(kind))) + origin));
    }
}
