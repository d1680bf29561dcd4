package dev.fapilog.config;

import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.PluginProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which plug-ins exist, by kind and configuration name: every provider {@link ServiceLoader} finds through the
 * library's class loader (the built-ins are listed in the library's own {@code META-INF/services}) and the thread's
 * context class loader (an application's or another jar's), plus the names of fapilog plug-ins that this build does
 * not have (so that asking for one says "not available in this build" rather than "unknown"). Immutable.
 */
public final class PluginCatalog {

    private static final Map<PluginKind, Set<String>> PLANNED = Map.of(
            PluginKind.SINK, Set.of("cloudwatch", "postgres", "routing"), PluginKind.ENRICHER, Set.of("integrity"));

    private final Map<PluginKind, Map<String, PluginProvider<?>>> providers;
    private final List<String> warnings;

    private PluginCatalog(Map<PluginKind, Map<String, PluginProvider<?>>> providers, List<String> warnings) {
        this.providers = providers;
        this.warnings = warnings;
    }

    /** The providers visible to the library's and the calling thread's context class loader. */
    public static PluginCatalog load() {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        loaders.add(PluginCatalog.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        Map<PluginKind, Map<String, PluginProvider<?>>> all = new EnumMap<>(PluginKind.class);
        List<String> warnings = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            all.put(kind, Collections.unmodifiableMap(load(kind, loaders, warnings)));
        }
        return new PluginCatalog(Collections.unmodifiableMap(all), List.copyOf(warnings));
    }

    private static Map<String, PluginProvider<?>> load(
            PluginKind kind, Set<ClassLoader> loaders, List<String> warnings) {
        Map<String, PluginProvider<?>> found = new LinkedHashMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (ClassLoader loader : loaders) {
            try {
                for (PluginProvider<?> p : ServiceLoader.load(kind.providerType(), loader)) {
                    if (!seen.add(p.getClass())) {
                        continue; // visible through both class loaders
                    }
                    String problem = problemOf(kind, p, found);
                    if (problem == null) {
                        found.put(p.name(), p);
                    } else {
                        warnings.add(problem);
                    }
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError broken) {
                warnings.add("A " + kind.noun() + " provider could not be loaded: " + broken.getMessage());
            }
        }
        return found;
    }

    private static String problemOf(PluginKind kind, PluginProvider<?> p, Map<String, PluginProvider<?>> found) {
        String name = p.name();
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
            return kind.noun() + " provider " + p.getClass().getName() + " has the name '" + name
                    + "', not lower-case kebab-case; ignored";
        }
        if (found.containsKey(name)) {
            return kind.noun().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + kind.noun().substring(1) + " provider " + p.getClass().getName() + " uses the name '" + name
                    + "', which is taken by " + found.get(name).getClass().getName() + "; ignored";
        }
        if (kind != PluginKind.SINK) {
            for (PluginOption o : p.options()) {
                String key = kind.key(name, o.key());
                if (CoreKeys.DEFAULTS.containsKey(key) || optionOwner(kind, key, found) != null) {
                    return kind.noun() + " provider " + p.getClass().getName() + " declares fapilog." + key
                            + ", which is taken; ignored";
                }
            }
        }
        return null;
    }

    private static PluginProvider<?> optionOwner(
            PluginKind kind, String key, Map<String, PluginProvider<?>> providers) {
        for (PluginProvider<?> p : providers.values()) {
            for (PluginOption o : p.options()) {
                if (kind.key(p.name(), o.key()).equals(key)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** The provider of a name, or {@code null}. */
    public PluginProvider<?> provider(PluginKind kind, String name) {
        return providers.get(kind).get(name);
    }

    /** Every provider of a kind, in the order found. */
    public Map<String, PluginProvider<?>> providers(PluginKind kind) {
        return providers.get(kind);
    }

    /** The names of a kind, sorted. */
    public Set<String> names(PluginKind kind) {
        return new TreeSet<>(providers.get(kind).keySet());
    }

    /** Whether fapilog documents this name though no provider of this build supplies it. */
    public boolean isPlanned(PluginKind kind, String name) {
        return PLANNED.getOrDefault(kind, Set.of()).contains(name)
                && !providers.get(kind).containsKey(name);
    }

    /** Problems met while loading providers, reported on the diagnostics channel. */
    public List<String> warnings() {
        return warnings;
    }

    /** The default of every option of every plug-in other than sinks, by full key (without {@code fapilog.}). */
    Map<String, String> optionDefaults() {
        Map<String, String> d = new LinkedHashMap<>();
        for (PluginKind kind : PluginKind.values()) {
            if (kind == PluginKind.SINK) {
                continue; // sink options are checked against their sink, under sink.<name>.
            }
            for (PluginProvider<?> p : providers.get(kind).values()) {
                for (PluginOption o : p.options()) {
                    d.put(kind.key(p.name(), o.key()), o.defaultValue() == null ? "" : o.defaultValue());
                }
            }
        }
        return d;
    }
}
