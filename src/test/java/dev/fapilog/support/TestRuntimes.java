package dev.fapilog.support;

import dev.fapilog.Fapilog;
import dev.fapilog.LoggerBuilder;
import dev.fapilog.boot.RuntimeBuilder;
import dev.fapilog.config.EnvironmentFacts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builders preset for tests: no stdout sink, no shutdown hook, a fixed environment, diagnostics captured. */
public final class TestRuntimes {
    private TestRuntimes() {}

    /** A builder with no sinks of its own, no shutdown hook, a non-terminal local environment, and diagnostics into {@code diagnostics}. */
    public static LoggerBuilder builder(List<String> diagnostics) {
        return builder(diagnostics, "local");
    }

    /** Like {@link #builder(List)}, in a detected environment of this kind ({@code kubernetes}, {@code lambda}...). */
    public static LoggerBuilder builder(List<String> diagnostics, String environmentKind) {
        LoggerBuilder b = Fapilog.builder().sinks().shutdownHook(false).diagnosticsListener(diagnostics::add);
        ((RuntimeBuilder) b).environment(new EnvironmentFacts(false, environmentKind));
        return b;
    }

    /** A context for starting a plug-in outside a runtime; its diagnostics go nowhere. */
    public static dev.fapilog.spi.PluginContext pluginContext() {
        dev.fapilog.spi.Diagnostics quiet = new dev.fapilog.spi.Diagnostics() {
            @Override
            public void warn(String component, String key, String message, Object... details) {}

            @Override
            public void info(String component, String key, String message, Object... details) {}
        };
        return new dev.fapilog.spi.PluginContext() {
            @Override
            public String runtimeName() {
                return "test";
            }

            @Override
            public dev.fapilog.spi.Diagnostics diagnostics() {
                return quiet;
            }
        };
    }

    /** A context for starting a sink outside a runtime; its diagnostics go nowhere. */
    public static dev.fapilog.spi.SinkContext sinkContext(String sinkName) {
        dev.fapilog.spi.PluginContext plugin = pluginContext();
        return new dev.fapilog.spi.SinkContext() {
            @Override
            public String sinkName() {
                return sinkName;
            }

            @Override
            public String runtimeName() {
                return plugin.runtimeName();
            }

            @Override
            public dev.fapilog.spi.Diagnostics diagnostics() {
                return plugin.diagnostics();
            }
        };
    }

    public static LoggerBuilder builder() {
        return builder(new CopyOnWriteArrayList<>());
    }

    public static List<String> diagnostics() {
        return new CopyOnWriteArrayList<>();
    }
}
