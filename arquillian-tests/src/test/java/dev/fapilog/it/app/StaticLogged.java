package dev.fapilog.it.app;

import dev.fapilog.Fapilog;
import dev.fapilog.Logger;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The most common Java idiom, in a deployment: a static logger from {@code Fapilog.getLogger}. It must log into the
 * application's runtime. Also leaves a weak reference to the deployment's class loader where the leak check of a
 * later deployment finds it (the JVM-wide system properties).
 */
public final class StaticLogged {
    private static final Logger LOG = Fapilog.getLogger(StaticLogged.class);

    /** Weak references to the class loaders of every deployment that ran this class, by deployment name. */
    @SuppressWarnings("unchecked")
    static Map<String, WeakReference<ClassLoader>> loaders() {
        return (Map<String, WeakReference<ClassLoader>>)
                System.getProperties().computeIfAbsent("it.loaders", k -> new ConcurrentHashMap<>());
    }

    static {
        String name = ConfigProvider.getConfig()
                .getOptionalValue("it.name", String.class)
                .orElse("?");
        loaders()
                .put(
                        name + "#" + System.identityHashCode(StaticLogged.class),
                        new WeakReference<>(StaticLogged.class.getClassLoader()));
    }

    private StaticLogged() {}

    public static void log(String message) {
        LOG.info(message);
    }

    public static String runtimeName() {
        return LOG.runtime().name() + "@" + System.identityHashCode(LOG.runtime());
    }
}
