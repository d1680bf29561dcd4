package dev.fapilog.boot;

import dev.fapilog.LogRuntime;
import dev.fapilog.config.Settings;
import dev.fapilog.spi.Diagnostics;
import java.util.Map;
import java.util.WeakHashMap;

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

    static BuiltRuntime register(BuiltRuntime built) {
        synchronized (BUILT) {
            BUILT.put(built.runtime(), built);
        }
        return built;
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
