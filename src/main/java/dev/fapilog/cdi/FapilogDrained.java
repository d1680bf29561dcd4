package dev.fapilog.cdi;

import dev.fapilog.DrainResult;
import java.util.Objects;

/**
 * Fired (synchronously, as a CDI event) once the application's runtime has drained, at the end of the application.
 * The application scope has usually ended by then, so observe it with a static method, in a {@code @Dependent} bean or
 * in an extension; an observer on an {@code @ApplicationScoped} bean may no longer be callable. An observer that
 * throws is reported on the diagnostics channel, never thrown into the shutdown (observers after it are not called,
 * as for any CDI event).
 *
 * <pre>{@code
 * static void onDrained(@Observes FapilogDrained drained) { System.err.println(drained.result().summary()); }
 * }</pre>
 *
 * @param result the drain's counters; {@code result.pending()} is 0 when it met its deadline
 * @param begunBy the lifecycle callback that began the shutdown (its deadline counts from there)
 * @param drainedAt the lifecycle callback at which intake closed and the drain ran
 */
public record FapilogDrained(DrainResult result, Trigger begunBy, Trigger drainedAt) {
    public FapilogDrained {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(begunBy, "begunBy");
        Objects.requireNonNull(drainedAt, "drainedAt");
    }

    /** The container callbacks that end an application's runtime. */
    public enum Trigger {
        /** {@code @BeforeDestroyed(ApplicationScoped.class)}: the application is about to end. */
        BEFORE_DESTROYED,
        /** {@code @PreDestroy} of the bean that owns the runtime. */
        PRE_DESTROY,
        /** {@code @Destroyed(ApplicationScoped.class)}: the application scope is gone. */
        DESTROYED,
        /** The container's {@code BeforeShutdown} event: every context is gone. */
        BEFORE_SHUTDOWN
    }
}
