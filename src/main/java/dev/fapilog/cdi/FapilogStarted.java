package dev.fapilog.cdi;

import dev.fapilog.LogRuntime;
import java.util.Objects;

/**
 * Fired (synchronously, as a CDI event) once the application's runtime has started, on the thread that started it:
 * during the application scope's initialisation by default, or at the first injection with
 * {@code fapilog.cdi.startup=lazy}. Observers may log; they run after the runtime is in place.
 *
 * <pre>{@code
 * void onStart(@Observes FapilogStarted started) { metrics.register(started.runtime()::stats); }
 * }</pre>
 *
 * @param runtime the application's runtime (its counters, level and drain)
 * @param threadSource where the worker thread came from, as reported on the start-up line
 */
public record FapilogStarted(LogRuntime runtime, String threadSource) {
    public FapilogStarted {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(threadSource, "threadSource");
    }
}
