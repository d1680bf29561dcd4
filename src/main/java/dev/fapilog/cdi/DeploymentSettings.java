package dev.fapilog.cdi;

import dev.fapilog.ConfigProblem;
import dev.fapilog.boot.BootProvider;
import dev.fapilog.boot.RuntimeBuilder;
import dev.fapilog.config.ConfigValues;
import dev.fapilog.config.ProblemCodes;
import dev.fapilog.config.SystemSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One deployment's fapilog configuration, read and checked when the deployment is validated: the runtime's settings,
 * the CDI integration's own settings, and every problem found, in one list.
 *
 * <p>Read from MicroProfile Config when it is available; otherwise (a bare CDI container) from system properties and
 * environment variables, like the Java SE default runtime.
 */
record DeploymentSettings(Map<String, String> runtime, CdiSettings cdi, List<ConfigProblem> problems, String source) {

    /** Settings as read, before they are split and checked. */
    record Raw(Map<String, String> values, List<ConfigProblem> problems, String source) {}

    static DeploymentSettings read(ClassLoader loader, List<IntegrationModule> modules) {
        Map<String, String> byEnvName = new TreeMap<>(SystemSettings.byEnvironmentName());
        CdiSettings.DEFAULTS.keySet().forEach(k -> byEnvName.put(SystemSettings.envName(k), k));
        modules.forEach(m -> m.keys().forEach(k -> byEnvName.put(SystemSettings.envName(k), k)));
        return check(readRaw(loader, byEnvName), modules);
    }

    /** Splits the keys between the runtime, the CDI integration and the modules, and checks each part. */
    static DeploymentSettings check(Raw raw, List<IntegrationModule> modules) {
        List<ConfigProblem> problems = new ArrayList<>(raw.problems());
        Map<String, String> runtime = new TreeMap<>();
        Map<String, String> cdiKeys = new TreeMap<>();
        Map<IntegrationModule, Map<String, String>> moduleKeys = new java.util.LinkedHashMap<>();
        modules.forEach(m -> moduleKeys.put(m, new TreeMap<>()));
        raw.values().forEach((k, v) -> {
            if (k.startsWith("cdi.") || k.startsWith("bridge.")) {
                cdiKeys.put(k, v);
                return;
            }
            for (IntegrationModule m : modules) {
                if (k.startsWith(m.keyPrefix())) {
                    moduleKeys.get(m).put(k, v);
                    return;
                }
            }
            runtime.put(k, v); // unknown keys included: the runtime's check reports them with a hint
        });
        CdiSettings cdi = CdiSettings.parse(cdiKeys, problems);
        moduleKeys.forEach((m, keys) -> m.configure(keys, problems));
        String hook = runtime.get("shutdown.hook");
        if (hook != null && isTrue(hook)) {
            problems.add(new ConfigProblem(
                    ProblemCodes.CONFLICT,
                    "shutdown.hook",
                    hook,
                    "false or unset: in a CDI container the application's lifecycle drains the runtime, and a JVM"
                            + " shutdown hook would keep every undeployed application's classes alive"));
        }
        problems.addAll(builder(runtime).check());
        return new DeploymentSettings(Map.copyOf(runtime), cdi, List.copyOf(problems), raw.source());
    }

    /** These settings with more problems (found when the runtime was made). */
    DeploymentSettings withProblems(List<ConfigProblem> more) {
        List<ConfigProblem> all = new ArrayList<>(problems);
        all.addAll(more);
        return new DeploymentSettings(runtime, cdi, List.copyOf(all), source);
    }

    /** A builder holding these settings; the caller adds the thread factory and builds. */
    static RuntimeBuilder builder(Map<String, String> runtime) {
        RuntimeBuilder b = BootProvider.builder();
        if (!runtime.containsKey("diagnostics.output") && !JulBridge.applicationOwnsJvmLogging()) {
            // In a server, standard error becomes ERROR lines of the server's log whatever a report says; through
            // the platform's logging each report keeps its level (INFO as INFO). JUL rather than System.Logger:
            // Payara Micro drops System.Logger records of applications, and both servers route JUL to their log.
            b.setting("diagnostics.output", "jul");
        }
        b.settings(runtime);
        b.shutdownHook(false);
        return b;
    }

    private static Raw readRaw(ClassLoader loader, Map<String, String> byEnvName) {
        String fallback;
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
            return MicroProfileSettings.read(loader, byEnvName);
        } catch (ClassNotFoundException | LinkageError absent) {
            fallback = "MicroProfile Config not on the class path";
        } catch (RuntimeException | java.util.ServiceConfigurationError noImplementation) {
            fallback = "MicroProfile Config not usable: " + noImplementation.getMessage();
        }
        SystemSettings s = SystemSettings.read(System.getProperties(), System.getenv(), byEnvName);
        return new Raw(s.settings(), s.problems(), "system properties and environment (" + fallback + ")");
    }

    private static boolean isTrue(String value) {
        try {
            return ConfigValues.bool(value);
        } catch (IllegalArgumentException notABoolean) {
            return false; // reported by the runtime's own check
        }
    }
}
