package dev.fapilog.boot;

import dev.fapilog.sink.file.FileSinkProvider;
import dev.fapilog.sink.stdout.StdoutJsonSinkProvider;
import dev.fapilog.sink.stdout.StdoutPrettySinkProvider;
import dev.fapilog.spi.SinkProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which plug-ins exist, by configuration name: the built-in ones, sinks from third-party {@link SinkProvider}s found
 * with {@link ServiceLoader}, and the names of fapilog plug-ins this build does not have yet (so that asking for one
 * gives "not available in this build" rather than "unknown").
 */
final class PluginCatalog {
    static final Set<String> FILTERS =
            Set.of("level", "sampling", "rate-limit", "adaptive-sampling", "trace-sampling", "first-occurrence");
    static final Set<String> ENRICHERS = Set.of("runtime-info", "kubernetes", "trace-context");
    static final Set<String> PROCESSORS = Set.of("size-guard");
    static final Set<String> REDACTORS =
            Set.of("field-mask", "regex-mask", "url-credentials", "value-scan", "field-blocker", "string-truncate");
    static final Set<String> PLANNED_SINKS =
            Set.of("rotating-file", "http", "webhook", "loki", "cloudwatch", "postgres", "routing");
    static final Set<String> PLANNED_ENRICHERS = Set.of("integrity");
    static final Set<String> PLANNED_REDACTORS = Set.of();

    private final Map<String, SinkProvider> sinks;
    private final List<String> warnings;

    private PluginCatalog(Map<String, SinkProvider> sinks, List<String> warnings) {
        this.sinks = sinks;
        this.warnings = warnings;
    }

    /** Built-ins plus the providers visible to the library's and the context class loader. */
    static PluginCatalog load() {
        Map<String, SinkProvider> sinks = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (SinkProvider builtIn :
                List.of(new StdoutJsonSinkProvider(), new StdoutPrettySinkProvider(), new FileSinkProvider())) {
            sinks.put(builtIn.name(), builtIn);
        }
        Set<ClassLoader> loaders = new java.util.LinkedHashSet<>();
        loaders.add(PluginCatalog.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (ClassLoader loader : loaders) {
            try {
                for (SinkProvider p : ServiceLoader.load(SinkProvider.class, loader)) {
                    if (!seen.add(p.getClass())) {
                        continue; // visible through both class loaders
                    }
                    if (sinks.containsKey(p.name())) {
                        warnings.add("Sink provider " + p.getClass().getName() + " uses the name '" + p.name()
                                + "', which is taken by "
                                + sinks.get(p.name()).getClass().getName() + "; ignored");
                    } else {
                        sinks.put(p.name(), p);
                    }
                }
            } catch (ServiceConfigurationError broken) {
                warnings.add("A sink provider could not be loaded: " + broken.getMessage());
            }
        }
        return new PluginCatalog(Collections.unmodifiableMap(sinks), List.copyOf(warnings));
    }

    SinkProvider sink(String name) {
        return sinks.get(name);
    }

    Set<String> sinkNames() {
        return new TreeSet<>(sinks.keySet());
    }

    Map<String, SinkProvider> sinkProviders() {
        return sinks;
    }

    /** Problems met while loading third-party providers, reported on the diagnostics channel. */
    List<String> warnings() {
        return warnings;
    }
}
