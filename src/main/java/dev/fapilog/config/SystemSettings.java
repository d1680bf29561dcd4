package dev.fapilog.config;

import dev.fapilog.ConfigProblem;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.PluginProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads settings from system properties ({@code -Dfapilog.queue.capacity=5000}) and environment
 * variables, mapped the way MicroProfile Config maps them: {@code fapilog.queue.capacity} is looked up as
 * {@code FAPILOG_QUEUE_CAPACITY} (every character that is not a letter or digit becomes {@code _}, upper case).
 * System properties win over environment variables. {@code FAPILOG_SERVICE}, {@code FAPILOG_ENV} and
 * {@code FAPILOG_VERSION} are accepted as in fapilog. A {@code FAPILOG_*} variable that maps to no setting is an error,
 * like an unknown key.
 *
 * <p>Used by the default runtime, and by the CDI integration when MicroProfile Config is not available.
 */
public final class SystemSettings {
    private static final Map<String, String> ALIASES = Map.of(
            "FAPILOG_SERVICE",
            "service.name",
            "FAPILOG_ENV",
            "service.environment",
            "FAPILOG_VERSION",
            "service.version");

    /** Namespaces of the container integrations' keys, which a runtime outside a container ignores. */
    private static final List<String> INTEGRATION_PREFIXES = List.of("cdi.", "jaxrs.", "bridge.");

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<ConfigProblem> problems = new java.util.ArrayList<>();

    private SystemSettings() {}

    /** The settings found, keyed without the {@code fapilog.} prefix. */
    public Map<String, String> settings() {
        return settings;
    }

    /** {@code FAPILOG_*} variables that map to no setting. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Reads the given system properties and environment, with the sinks this class loader's library knows. */
    public static SystemSettings read(Properties system, Map<String, String> env) {
        return read(system, env, PluginCatalog.load());
    }

    /**
     * Reads the settings of a runtime outside any container (the default runtime), with the keys of the given
     * plug-ins. Keys of the container integrations ({@code fapilog.cdi.*}, {@code fapilog.jaxrs.*},
     * {@code fapilog.bridge.*}, and their variables) are left out, not reported: a JVM may set them for the
     * applications it runs, and they must not break a plain {@code Fapilog.getLogger}.
     */
    public static SystemSettings read(Properties system, Map<String, String> env, PluginCatalog catalog) {
        SystemSettings c = read(system, env, byEnvironmentName(catalog));
        c.settings.keySet().removeIf(SystemSettings::isIntegrationKey);
        c.problems.removeIf(
                p -> INTEGRATION_PREFIXES.stream().anyMatch(i -> p.key().startsWith(envName(i))));
        return c;
    }

    /** Whether a key (without {@code fapilog.}) belongs to a container integration rather than to a runtime. */
    private static boolean isIntegrationKey(String key) {
        for (String prefix : INTEGRATION_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads with a given mapping of variable names to keys: {@link #byEnvironmentName()} plus the keys an integration
     * adds (such as {@code cdi.startup}).
     */
    public static SystemSettings read(Properties system, Map<String, String> env, Map<String, String> byEnvName) {
        SystemSettings c = new SystemSettings();
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.toUpperCase(Locale.ROOT).startsWith("FAPILOG_")) {
                continue;
            }
            String key = byEnvName.get(name.toUpperCase(Locale.ROOT));
            if (key != null) {
                c.settings.put(key, e.getValue());
            } else {
                c.problems.add(unknownVariable(name, e.getValue(), byEnvName));
            }
        }
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("fapilog.")) {
                c.settings.put(name.substring("fapilog.".length()), system.getProperty(name));
            }
        }
        return c;
    }

    /**
     * Every setting key a runtime of this class loader understands (core keys, and the delivery and option keys of
     * every known sink), by its environment variable name: {@code FAPILOG_QUEUE_CAPACITY -> queue.capacity}. Includes
     * the fapilog aliases {@code FAPILOG_SERVICE}, {@code FAPILOG_ENV} and {@code FAPILOG_VERSION}.
     */
    public static Map<String, String> byEnvironmentName() {
        return byEnvironmentName(PluginCatalog.load());
    }

    private static Map<String, String> byEnvironmentName(PluginCatalog catalog) {
        Map<String, String> byEnvName = new TreeMap<>();
        for (String key : SettingsResolver.knownKeys(catalog)) {
            byEnvName.put(envName(key), key);
        }
        for (Map.Entry<String, PluginProvider<?>> p :
                catalog.providers(PluginKind.SINK).entrySet()) {
            for (String option : List.of("timeout", "retry.max-attempts", "retry.backoff")) {
                String key = "sink." + p.getKey() + "." + option;
                byEnvName.put(envName(key), key);
            }
            for (PluginOption o : p.getValue().options()) {
                String key = "sink." + p.getKey() + "." + o.key();
                byEnvName.put(envName(key), key);
            }
        }
        ALIASES.forEach(byEnvName::put);
        return byEnvName;
    }

    /** The problem for a {@code FAPILOG_*} variable that maps to no setting, with the closest variable name. */
    public static ConfigProblem unknownVariable(String name, String value, Map<String, String> byEnvName) {
        return new ConfigProblem(
                ProblemCodes.UNKNOWN_KEY,
                name,
                value,
                "an environment variable that maps to a fapilog setting (FAPILOG_QUEUE_CAPACITY for"
                        + " fapilog.queue.capacity)" + hint(name, byEnvName));
    }

    /** {@code queue.capacity} becomes {@code FAPILOG_QUEUE_CAPACITY}. */
    public static String envName(String key) {
        return ("fapilog." + key).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String hint(String name, Map<String, String> byEnvName) {
        String best = KeySuggestions.suggestion(name.toUpperCase(Locale.ROOT), byEnvName.keySet());
        return best.isEmpty() ? "" : best.replace("fapilog.", "");
    }
}
