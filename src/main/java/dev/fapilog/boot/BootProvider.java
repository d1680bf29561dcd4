package dev.fapilog.boot;

import dev.fapilog.ConfigurationException;
import dev.fapilog.FapilogProvider;
import dev.fapilog.LogRuntime;
import dev.fapilog.LoggerBuilder;
import dev.fapilog.config.PluginCatalog;
import dev.fapilog.config.SystemSettings;

/**
 * The library's {@link FapilogProvider}: hands out builders, and answers {@code Fapilog.defaultRuntime()}: the runtime
 * of the application the calling thread belongs to ({@link ApplicationRuntimes}), else the JVM's default runtime of
 * this class loader. That one is created on first use; if its settings are invalid, that call and every later one
 * throw the same {@link ConfigurationException}.
 */
public final class BootProvider implements FapilogProvider {
    private static final Object LOCK = new Object();
    private static volatile LogRuntime defaultRuntime;
    private static volatile ConfigurationException defaultFailure;
    private static volatile PluginCatalog catalog;

    @Override
    public LoggerBuilder newBuilder() {
        return new RuntimeBuilder(catalog());
    }

    @Override
    public LogRuntime defaultRuntime() {
        LogRuntime app = ApplicationRuntimes.current();
        if (app != null) {
            return app;
        }
        LogRuntime rt = defaultRuntime;
        if (rt != null) {
            return rt;
        }
        synchronized (LOCK) {
            if (defaultRuntime == null) {
                if (defaultFailure != null) {
                    throw defaultFailure;
                }
                SystemSettings config = SystemSettings.read(System.getProperties(), System.getenv(), catalog());
                try {
                    if (!config.problems().isEmpty()) {
                        throw new ConfigurationException(config.problems());
                    }
                    RuntimeBuilder b = new RuntimeBuilder(catalog());
                    b.setting("name", "default");
                    b.settings(config.settings());
                    BuiltRuntime prepared = b.prepare();
                    // Published before its sinks start: a sink's library that logs through a bridge while it starts
                    // (the Kafka client does, through SLF4J) asks for the default runtime from the sink's thread,
                    // and must get this one rather than wait for the lock this thread holds until the start ends.
                    defaultRuntime = prepared.runtime();
                    try {
                        prepared.launch(null, "fapilog daemon threads (no thread factory given)");
                    } catch (ConfigurationException failedToStart) {
                        defaultRuntime = null;
                        throw failedToStart;
                    }
                } catch (ConfigurationException invalid) {
                    defaultFailure = invalid;
                    throw invalid;
                }
            }
            return defaultRuntime;
        }
    }

    /** A new builder; the integrations use it for what {@link RuntimeBuilder} adds to {@link LoggerBuilder}. */
    public static RuntimeBuilder builder() {
        return new RuntimeBuilder(catalog());
    }

    static PluginCatalog catalog() {
        PluginCatalog c = catalog;
        if (c == null) {
            synchronized (LOCK) {
                if (catalog == null) {
                    catalog = PluginCatalog.load();
                }
                c = catalog;
            }
        }
        return c;
    }
}
