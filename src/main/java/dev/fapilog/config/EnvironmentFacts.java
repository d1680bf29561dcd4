package dev.fapilog.config;

import java.io.Console;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the runtime detects about where it runs, read once at start-up: whether standard output is a terminal and
 * which kind of environment this is. Tests construct their own.
 *
 * @param stdoutIsTerminal standard output is an interactive terminal
 * @param kind {@code lambda}, {@code kubernetes}, {@code docker}, {@code ci} or {@code local}
 */
public record EnvironmentFacts(boolean stdoutIsTerminal, String kind) {

    private static final String[] CI_VARIABLES = {
        "CI", "GITHUB_ACTIONS", "JENKINS_URL", "GITLAB_CI", "CIRCLECI", "TRAVIS", "TEAMCITY_VERSION", "BUILDKITE"
    };

    /** Reads the facts of this process. */
    public static EnvironmentFacts detect() {
        return detect(System.getenv(), Files.exists(Path.of("/.dockerenv")), isStdoutTerminal());
    }

    /** Derives the facts from an environment-variable map (for tests). */
    public static EnvironmentFacts detect(Map<String, String> env, boolean dockerMarker, boolean terminal) {
        String kind;
        if (env.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
            kind = "lambda";
        } else if (env.containsKey("KUBERNETES_SERVICE_HOST") || env.containsKey("POD_NAME")) {
            kind = "kubernetes";
        } else if (dockerMarker) {
            kind = "docker";
        } else if (isCi(env)) {
            kind = "ci";
        } else {
            kind = "local";
        }
        return new EnvironmentFacts(terminal, kind);
    }

    private static boolean isCi(Map<String, String> env) {
        for (String v : CI_VARIABLES) {
            String value = env.get(v);
            if (value != null && !value.isBlank() && !value.equalsIgnoreCase("false")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether standard output is a terminal. Before JDK 22 {@code System.console()} is non-null only for an
     * interactive terminal; from JDK 22 it may exist anyway, and {@code Console.isTerminal()} tells.
     */
    static boolean isStdoutTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The host name, without a DNS lookup when the environment or /etc/hostname tells it; {@code "unknown"} when
     * nothing does. Plug-ins call it once at start (the runtime-info enricher, the OTLP resource).
     */
    public static String hostName() {
        for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        try {
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String v = Files.readString(etc).trim();
                if (!v.isEmpty()) {
                    return v;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception unknown) {
            return "unknown";
        }
    }
}
