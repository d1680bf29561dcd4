package dev.fapilog.support;

import dev.fapilog.Fapilog;
import dev.fapilog.LoggerBuilder;
import dev.fapilog.boot.RuntimeBuilder;
import dev.fapilog.core.EnvironmentFacts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builders preset for tests: no stdout sink, no shutdown hook, a fixed environment, diagnostics captured. */
public final class TestRuntimes {
    private TestRuntimes() {}

    /** A builder with no sinks of its own, no shutdown hook, a non-terminal local environment, and diagnostics into {@code diagnostics}. */
    public static LoggerBuilder builder(List<String> diagnostics) {
        LoggerBuilder b = Fapilog.builder().sinks().shutdownHook(false).diagnosticsListener(diagnostics::add);
        ((RuntimeBuilder) b).environment(new EnvironmentFacts(false, "local"));
        return b;
    }

    public static LoggerBuilder builder() {
        return builder(new CopyOnWriteArrayList<>());
    }

    public static List<String> diagnostics() {
        return new CopyOnWriteArrayList<>();
    }
}
