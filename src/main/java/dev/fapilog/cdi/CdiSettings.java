package dev.fapilog.cdi;

import dev.fapilog.ConfigProblem;
import dev.fapilog.config.ConfigReader;
import dev.fapilog.config.KeySuggestions;
import dev.fapilog.config.ProblemCodes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings the CDI integration adds under {@code fapilog.cdi.} and {@code fapilog.bridge.}; the runtime's own
 * settings are the core ones.
 *
 * @param eagerStart {@code fapilog.cdi.startup}: {@code eager} (default) starts the runtime when the application scope
 *     is initialised, so a broken sink fails the deployment and the start-up line is printed at once; {@code lazy}
 *     starts it at the first injection of a logger
 * @param julInstall {@code fapilog.bridge.jul.install}: whether the extension adds the JUL handler for the
 *     application ({@code auto}, the default: where only this application's records reach it)
 */
record CdiSettings(boolean eagerStart, JulInstall julInstall) {
    /** Every key with its default, without the {@code fapilog.} prefix. */
    static final Map<String, String> DEFAULTS =
            new TreeMap<>(Map.of("cdi.startup", "eager", "bridge.jul.install", "auto"));

    /** How {@code bridge.jul.install} is read. */
    enum JulInstall {
        /** Where it is safe: a Java SE JVM's root logger, or a WildFly deployment's own log context. */
        AUTO,
        /** Also on a root logger shared with the server and other applications, taking only this one's records. */
        TRUE,
        FALSE
    }

    /** How {@code cdi.startup} is read. */
    enum Startup {
        EAGER,
        LAZY
    }

    static CdiSettings parse(Map<String, String> given, List<ConfigProblem> problems) {
        Map<String, String> values = new TreeMap<>(DEFAULTS);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (DEFAULTS.containsKey(e.getKey())) {
                values.put(e.getKey(), e.getValue());
            } else {
                problems.add(new ConfigProblem(
                        ProblemCodes.UNKNOWN_KEY,
                        e.getKey(),
                        e.getValue(),
                        "no such setting" + KeySuggestions.suggestion(e.getKey(), DEFAULTS.keySet())));
            }
        }
        ConfigReader reader = new ConfigReader(values, DEFAULTS, problems, key -> "");
        return new CdiSettings(
                reader.choice("cdi.startup", Startup.class, Startup.EAGER) == Startup.EAGER,
                reader.choice("bridge.jul.install", JulInstall.class, JulInstall.AUTO));
    }
}
