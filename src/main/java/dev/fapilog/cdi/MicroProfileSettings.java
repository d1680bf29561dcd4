package dev.fapilog.cdi;

import dev.fapilog.ConfigProblem;
import dev.fapilog.config.SystemSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * Reads every {@code fapilog.*} property from MicroProfile Config. Only this class touches the MicroProfile Config API,
 * so the integration still loads where it is absent.
 *
 * <p>Values come from {@code Config}, so its precedence applies: system properties (ordinal 400) over environment
 * variables (300) over {@code META-INF/microprofile-config.properties} (100), and an environment variable such as
 * {@code FAPILOG_QUEUE_CAPACITY} stands for {@code fapilog.queue.capacity} as the specification maps it. A
 * {@code FAPILOG_*} variable that stands for no setting is a problem, like an unknown key.
 */
final class MicroProfileSettings {
    private MicroProfileSettings() {}

    /**
     * @param loader the application's class loader, whose configuration is read
     * @param byEnvName every key the deployment understands, by environment variable name
     */
    static DeploymentSettings.Raw read(ClassLoader loader, Map<String, String> byEnvName) {
        Config config = ConfigProvider.getConfig(loader);
        Map<String, String> values = new TreeMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        config.getPropertyNames().forEach(names::add);
        Set<String> variables = new HashSet<>();
        System.getenv().keySet().forEach(v -> variables.add(v.toUpperCase(Locale.ROOT)));
        for (String name : names) {
            if (name.startsWith("fapilog.")) {
                String key = name.substring("fapilog.".length());
                if (!byEnvName.containsValue(key) && isEcho(key, names, variables)) {
                    continue;
                }
                values.put(key, value(config, name));
            } else if (name.toUpperCase(Locale.ROOT).startsWith("FAPILOG_")) {
                String key = byEnvName.get(name.toUpperCase(Locale.ROOT));
                if (key == null) {
                    problems.add(SystemSettings.unknownVariable(name, value(config, name), byEnvName));
                } else if (!values.containsKey(key)) {
                    // The dotted name resolves through every source by ordinal; aliases such as FAPILOG_ENV do not map.
                    String dotted = config.getConfigValue("fapilog." + key).getValue();
                    values.put(key, dotted != null ? dotted : value(config, name));
                }
            }
        }
        return new DeploymentSettings.Raw(values, problems, "MicroProfile Config");
    }

    /**
     * SmallRye Config lists each environment variable twice: as itself ({@code FAPILOG_BATCH_MAX_SIZE}) and as a
     * dotted guess ({@code fapilog.batch.max.size}, which is no key because the real one has a dash). The variable is
     * read through its own name, so the guess is skipped, as long as no other source gave it.
     */
    private static boolean isEcho(String key, Set<String> names, Set<String> variables) {
        String variable = SystemSettings.envName(key);
        return names.contains(variable) || variables.contains(variable);
    }

    private static String value(Config config, String name) {
        ConfigValue v = config.getConfigValue(name);
        String value = v.getValue();
        return value != null ? value : v.getRawValue() != null ? v.getRawValue() : "";
    }
}
