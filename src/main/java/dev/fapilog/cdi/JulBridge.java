package dev.fapilog.cdi;

import dev.fapilog.LogRuntime;
import dev.fapilog.bridge.jul.FapilogHandler;
import dev.fapilog.spi.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Installs the JUL handler for one application ({@code fapilog.bridge.jul.install}) and removes it when the
 * application's runtime has drained, leaving the logger as it was. Where it goes:
 *
 * <ul>
 *   <li>WildFly (the JBoss Log Manager), a deployment with a log context of its own (a {@code logging.properties} in
 *       it): that context's root logger, which receives everything the deployment logs through JUL, JBoss Logging,
 *       SLF4J, the Log4j 2 API, commons-logging and {@code System.Logger}, and nothing of other deployments;
 *   <li>Java SE (the JDK's log manager, no server's home property, and only the JDK's own handlers on the root logger,
 *       so the application owns the JVM's logging): the root logger, whose console handlers are set aside meanwhile so that every line comes
 *       out once, in one format; records of threads whose context class loader belongs to another application of the
 *       JVM (each with a class loader of its own) are left to that one;
 *   <li>elsewhere (a root logger shared with the server and other applications, as on Payara or a WildFly deployment
 *       without its own log context) only with {@code true}, and then the handler takes only records logged on threads
 *       whose context class loader is the application's.
 * </ul>
 */
final class JulBridge {
    private static final String JBOSS_LOG_MANAGER = "org.jboss.logmanager.LogManager";

    /** Home properties of servers: WildFly, Payara and GlassFish (Server and Micro), Tomcat/TomEE, Open Liberty. */
    private static final List<String> SERVER_PROPERTIES =
            List.of("jboss.home.dir", "com.sun.aas.installRoot", "catalina.home", "wlp.install.dir");

    private final Logger target;
    private final FapilogHandler handler;
    private final List<Handler> setAside;

    private JulBridge(Logger target, FapilogHandler handler, List<Handler> setAside) {
        this.target = target;
        this.handler = handler;
        this.setAside = setAside;
    }

    /** Installs the handler as the settings and the platform allow; {@code null} when it is not installed. */
    static JulBridge install(
            CdiSettings.JulInstall mode, LogRuntime runtime, ClassLoader application, Diagnostics diagnostics) {
        if (mode == CdiSettings.JulInstall.FALSE) {
            return null;
        }
        try {
            Logger own = deploymentLogContextRoot();
            if (own != null) {
                return report(
                        attach(own, new FapilogHandler(runtime, t -> true, false), false),
                        "deployment log" + " context of the JBoss Log Manager",
                        diagnostics);
            }
            if (applicationOwnsJvmLogging()) {
                // Records of threads of another application in the JVM (each with its own class loader) stay theirs.
                Predicate<Thread> mine =
                        t -> t.getContextClassLoader() == null || belongsTo(t.getContextClassLoader(), application);
                return report(
                        attach(Logger.getLogger(""), new FapilogHandler(runtime, mine, false), true),
                        "root logger of the JVM",
                        diagnostics);
            }
            if (mode == CdiSettings.JulInstall.TRUE) {
                Predicate<Thread> mine = t -> belongsTo(t.getContextClassLoader(), application);
                return report(
                        attach(Logger.getLogger(""), new FapilogHandler(runtime, mine, false), false),
                        "shared root logger, records of this application's threads only",
                        diagnostics);
            }
            diagnostics.info(
                    "bridge",
                    "jul-not-installed",
                    "JUL records are not bridged: the root logger is shared with the server and other applications."
                            + " On WildFly, a logging.properties in the deployment gives it a log context of its own;"
                            + " elsewhere set fapilog.bridge.jul.install=true");
            return null;
        } catch (RuntimeException | LinkageError failed) {
            diagnostics.warn(
                    "bridge",
                    "jul-install-failed",
                    "the JUL handler could not be installed",
                    "error",
                    failed.toString());
            return null;
        }
    }

    private static JulBridge attach(Logger target, FapilogHandler handler, boolean setAsideConsoles) {
        List<Handler> setAside = new ArrayList<>();
        if (setAsideConsoles) {
            for (Handler h : target.getHandlers()) {
                if (h instanceof java.util.logging.ConsoleHandler) {
                    target.removeHandler(h);
                    setAside.add(h);
                }
            }
        }
        target.addHandler(handler);
        return new JulBridge(target, handler, setAside);
    }

    private static JulBridge report(JulBridge installed, String where, Diagnostics diagnostics) {
        diagnostics.info(
                "bridge",
                "jul-installed",
                "JUL records go through the pipeline",
                "logger",
                where,
                "console_handlers_set_aside",
                installed.setAside.size());
        return installed;
    }

    /** Removes the handler and puts back what was set aside. Idempotent. */
    void remove() {
        handler.close();
        target.removeHandler(handler);
        for (Handler h : setAside) {
            target.addHandler(h);
        }
        setAside.clear();
    }

    /**
     * Whether the application owns the JVM's logging (Java SE: the JDK's log manager, and only the JDK's own handlers
     * on the root logger) rather than sharing a server's.
     */
    static boolean applicationOwnsJvmLogging() {
        return !isJbossLogManager() && !inServer() && onlyJdkHandlers(Logger.getLogger(""));
    }

    /**
     * Whether a known server set its home property: Payara Micro's root logger has only a JDK console handler, so the
     * handlers alone cannot tell it from a Java SE program.
     */
    private static boolean inServer() {
        for (String property : SERVER_PROPERTIES) {
            if (System.getProperty(property) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the root logger has only the JDK's own handlers (or none): a Java SE program, where the application owns
     * the JVM's logging. A server's root logger has the server's handlers (Payara's log file handlers, say).
     */
    private static boolean onlyJdkHandlers(Logger root) {
        for (Handler h : root.getHandlers()) {
            // Another application's handler of this library (two applications in one JVM) does not make it a server.
            if (!h.getClass().getName().startsWith("java.util.logging.") && !(h instanceof FapilogHandler)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJbossLogManager() {
        return LogManager.getLogManager().getClass().getName().equals(JBOSS_LOG_MANAGER);
    }

    /**
     * The root logger of the calling deployment's own JBoss log context, or {@code null} (not the JBoss Log Manager,
     * or the deployment logs into the server's context). Found by reflection: the library needs no JBoss class.
     */
    private static Logger deploymentLogContextRoot() {
        if (!isJbossLogManager()) {
            return null;
        }
        try {
            Class<?> contextType = Class.forName(
                    "org.jboss.logmanager.LogContext",
                    false,
                    LogManager.getLogManager().getClass().getClassLoader());
            Object current = contextType.getMethod("getLogContext").invoke(null);
            Object system = contextType.getMethod("getSystemLogContext").invoke(null);
            if (current == null || current == system) {
                return null;
            }
            return (Logger) contextType.getMethod("getLogger", String.class).invoke(current, "");
        } catch (ReflectiveOperationException | ClassCastException unexpected) {
            return null;
        }
    }

    private static boolean belongsTo(ClassLoader loader, ClassLoader application) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l == application) {
                return true;
            }
        }
        return false;
    }
}
