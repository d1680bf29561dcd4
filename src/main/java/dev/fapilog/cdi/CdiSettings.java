package dev.fapilog.cdi;

import dev.fapilog.ConfigProblem;
import dev.fapilog.core.ProblemCodes;
import dev.fapilog.core.SettingsResolver;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings the CDI integration adds under {@code fapilog.cdi.}; the runtime's own settings are the core ones.
 *
 * @param eagerStart {@code fapilog.cdi.startup}: {@code eager} (default) starts the runtime when the application scope
 *     is initialised, so a broken sink fails the deployment and the start-up line is printed at once; {@code lazy}
 *     starts it at the first injection of a logger
 */
record CdiSettings(boolean eagerStart) {
    /** Every key with its default, without the {@code fapilog.} prefix. */
    static final Map<String, String> DEFAULTS = new TreeMap<>(Map.of("cdi.startup", "eager"));

    static CdiSettings parse(Map<String, String> given, List<ConfigProblem> problems) {
        boolean eager = true;
        for (Map.Entry<String, String> e : given.entrySet()) {
            String key = e.getKey();
            String value = e.getValue().trim();
            if (key.equals("cdi.startup")) {
                if (value.equalsIgnoreCase("lazy")) {
                    eager = false;
                } else if (!value.equalsIgnoreCase("eager")) {
                    problems.add(new ConfigProblem(ProblemCodes.BAD_VALUE, key, e.getValue(), "one of eager, lazy"));
                }
            } else {
                problems.add(new ConfigProblem(
                        ProblemCodes.UNKNOWN_KEY,
                        key,
                        e.getValue(),
                        "no such setting" + SettingsResolver.suggestion(key, DEFAULTS.keySet())));
            }
        }
        return new CdiSettings(eager);
    }
}
