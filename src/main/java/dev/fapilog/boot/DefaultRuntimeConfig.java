package dev.fapilog.boot;

import dev.fapilog.ConfigProblem;
import dev.fapilog.core.ProblemCodes;
import dev.fapilog.core.SettingsResolver;
import dev.fapilog.spi.SinkOption;
import dev.fapilog.spi.SinkProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the default runtime's settings from system properties ({@code -Dfapilog.queue.capacity=5000}) and environment
 * variables, mapped the way MicroProfile Config maps them: {@code fapilog.queue.capacity} is looked up as
 * {@code FAPILOG_QUEUE_CAPACITY} (every character that is not a letter or digit becomes {@code _}, upper case).
 * System properties win over environment variables. {@code FAPILOG_SERVICE}, {@code FAPILOG_ENV} and
 * {@code FAPILOG_VERSION} are accepted as in fapilog. A {@code FAPILOG_*} variable that maps to no setting is an error,
 * like an unknown key.
 */
final class DefaultRuntimeConfig {
    private static final Map<String, String> ALIASES = Map.of(
            "FAPILOG_SERVICE",
            "service.name",
            "FAPILOG_ENV",
            "service.environment",
            "FAPILOG_VERSION",
            "service.version");

    final Map<String, String> settings = new LinkedHashMap<>();
    final List<ConfigProblem> problems = new java.util.ArrayList<>();

    static DefaultRuntimeConfig read(Properties system, Map<String, String> env, PluginCatalog catalog) {
        DefaultRuntimeConfig c = new DefaultRuntimeConfig();
        Map<String, String> byEnvName = new TreeMap<>();
        for (String key : SettingsResolver.knownKeys()) {
            byEnvName.put(envName(key), key);
        }
        for (Map.Entry<String, SinkProvider> p : catalog.sinkProviders().entrySet()) {
            for (String option : List.of("timeout", "retry.max-attempts", "retry.backoff")) {
                String key = "sink." + p.getKey() + "." + option;
                byEnvName.put(envName(key), key);
            }
            for (SinkOption o : p.getValue().options()) {
                String key = "sink." + p.getKey() + "." + o.key();
                byEnvName.put(envName(key), key);
            }
        }
        ALIASES.forEach(byEnvName::put);
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.toUpperCase(Locale.ROOT).startsWith("FAPILOG_")) {
                continue;
            }
            String key = byEnvName.get(name.toUpperCase(Locale.ROOT));
            if (key != null) {
                c.settings.put(key, e.getValue());
            } else {
                c.problems.add(new ConfigProblem(
                        ProblemCodes.UNKNOWN_KEY,
                        name,
                        e.getValue(),
                        "an environment variable that maps to a fapilog setting (FAPILOG_QUEUE_CAPACITY for"
                                + " fapilog.queue.capacity)" + hint(name, byEnvName)));
            }
        }
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("fapilog.")) {
                c.settings.put(name.substring("fapilog.".length()), system.getProperty(name));
            }
        }
        return c;
    }

    /** {@code queue.capacity} becomes {@code FAPILOG_QUEUE_CAPACITY}. */
    static String envName(String key) {
        return ("fapilog." + key).replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String hint(String name, Map<String, String> byEnvName) {
        String best = SettingsResolver.suggestion(name.toUpperCase(Locale.ROOT), byEnvName.keySet());
        return best.isEmpty() ? "" : best.replace("fapilog.", "");
    }
}
