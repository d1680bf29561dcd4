package dev.fapilog.support;

import jakarta.enterprise.inject.spi.Extension;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.jboss.weld.junit.AbstractWeldInitiator;

/**
 * One CDI application on Weld SE (built with weld-junit5's {@code createWeld()}), configured the way a user
 * configures one: a {@code META-INF/microprofile-config.properties} file, read by SmallRye Config through the
 * application's class loader. Each app gets its own class loader (a child of the test class path), so two apps in one
 * JVM have separate configurations, as two deployments on a server do. The fapilog extension and SmallRye's
 * {@code ConfigExtension} are found through {@code META-INF/services}, as in a real deployment.
 *
 * <p>{@link #close()} shuts the container down (the lifecycle under test) and then releases the configuration.
 */
public final class CdiApp implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final WeldContainer container;
    private final URLClassLoader loader;
    private boolean closed;

    private CdiApp(WeldContainer container, URLClassLoader loader) {
        this.container = container;
        this.loader = loader;
    }

    /** Starts an app with these {@code microprofile-config.properties} entries and bean classes. */
    public static CdiApp start(Map<String, String> config, Class<?>... beanClasses) {
        Path dir = writeConfig(config);
        URLClassLoader loader = classLoaderOver(dir);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Weld weld = AbstractWeldInitiator.createWeld()
                    .containerId("fapilog-test-" + IDS.incrementAndGet())
                    .addBeanClasses(beanClasses)
                    .addBeanClass(AppMarker.class) // with discovery off, Weld SE refuses an app with no bean class
                    .property("org.jboss.weld.se.shutdownHook", false);
            // Weld SE skips META-INF/services extensions when discovery is off; load them as a container does.
            for (Extension e : ServiceLoader.load(Extension.class, loader)) {
                weld.addExtension(e);
            }
            return new CdiApp(weld.initialize(), loader);
        } catch (RuntimeException failed) {
            release(loader);
            throw failed;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Configuration that sends the app's events to {@code out} (a JSON-lines file the test reads back), plus further
     * {@code key, value} pairs.
     */
    public static Map<String, String> fileSink(Path out, String... keyValues) {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("fapilog.sinks", "file");
        m.put("fapilog.sink.file.path", out.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A bean class every app has. */
    @jakarta.enterprise.context.Dependent
    public static class AppMarker {}

    public WeldContainer container() {
        return container;
    }

    public <T> T get(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
        return container.select(type, qualifiers).get();
    }

    /** The application's class loader (a child of the test class path). */
    public ClassLoader loader() {
        return loader;
    }

    /** Runs {@code action} with this app's class loader as the context class loader, as a request thread would. */
    public void run(Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        run(() -> {
            if (container.isRunning()) {
                container.shutdown();
            }
        });
        release(loader);
    }

    private static void release(URLClassLoader loader) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(ConfigProvider.getConfig(loader));
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing was opened through it apart from the properties file.
        }
    }

    private static Path writeConfig(Map<String, String> config) {
        try {
            Path dir = Files.createTempDirectory("fapilog-cdi-app");
            Path file = dir.resolve("META-INF/microprofile-config.properties");
            Files.createDirectories(file.getParent());
            Properties p = new Properties();
            p.putAll(config);
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "written by CdiApp");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URLClassLoader classLoaderOver(Path dir) {
        try {
            return new URLClassLoader(
                    "fapilog-test-app", new URL[] {dir.toUri().toURL()}, CdiApp.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
