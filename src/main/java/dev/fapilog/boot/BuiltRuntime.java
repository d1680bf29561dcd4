package dev.fapilog.boot;

import dev.fapilog.ConfigurationException;
import dev.fapilog.LogRuntime;
import dev.fapilog.config.Settings;
import dev.fapilog.core.CoreRuntime;
import dev.fapilog.core.PipelineStartException;
import dev.fapilog.core.PipelineThreadFactory;
import dev.fapilog.spi.Diagnostics;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * A runtime this library built, with what the integrations need beside the public {@link LogRuntime}: the settings it
 * was built from (each value and where it came from) and its diagnostics channel. Immutable; the runtime itself is
 * thread-safe.
 *
 * @param runtime the runtime
 * @param settings the settings it was built from
 * @param diagnostics its diagnostics channel (never back into the pipeline)
 */
public record BuiltRuntime(LogRuntime runtime, Settings settings, Diagnostics diagnostics) {

    /** Every runtime built and still reachable; weak, so that a drained, dropped runtime is not kept. */
    private static final Map<LogRuntime, BuiltRuntime> BUILT = new WeakHashMap<>();

    /**
     * Keeps what a new runtime was built from, and reports on its diagnostics channel when another runtime of this
     * library with the same name is still running: their threads and diagnostics could not be told apart.
     */
    static BuiltRuntime register(BuiltRuntime built) {
        String name = built.runtime().name();
        boolean duplicate = false;
        synchronized (BUILT) {
            for (LogRuntime other : BUILT.keySet()) {
                duplicate |= other.name().equals(name) && !other.isDraining();
            }
            BUILT.put(built.runtime(), built);
        }
        if (duplicate) {
            built.diagnostics()
                    .warn(
                            "runtime",
                            "duplicate-name",
                            "another runtime of this name is running: their threads and diagnostics cannot be told"
                                    + " apart; give each its own fapilog.name",
                            "name",
                            name);
        }
        return built;
    }

    /**
     * Launches a runtime made by {@link RuntimeBuilder#prepare()}: starts its sinks and worker on threads of
     * {@code threadFactory} ({@code null}: the library's own daemon threads). Idempotent.
     *
     * @param threadSource how the factory was obtained, for the start-up line
     * @throws ConfigurationException when a sink or thread failed to start (the runtime may be launched again)
     */
    public void launch(ThreadFactory threadFactory, String threadSource) {
        try {
            ((CoreRuntime) runtime)
                    .launch(
                            threadFactory != null ? threadFactory : new PipelineThreadFactory(runtime.name()),
                            threadSource);
        } catch (PipelineStartException failed) {
            throw new ConfigurationException(RuntimeBuilder.startProblems(failed));
        }
    }

    /** Whether {@link #launch} has run. */
    public boolean isLaunched() {
        return ((CoreRuntime) runtime).isLaunched();
    }

    /**
     * What a runtime was built from.
     *
     * @throws IllegalArgumentException for a runtime that {@link RuntimeBuilder} did not build
     */
    public static BuiltRuntime of(LogRuntime runtime) {
        synchronized (BUILT) {
            BuiltRuntime b = BUILT.get(runtime);
            if (b == null) {
                throw new IllegalArgumentException("not a runtime built by this library: " + runtime);
            }
            return b;
        }
    }
}
