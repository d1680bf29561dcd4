package dev.fapilog;

import java.time.Duration;
import java.util.List;

/**
 * One logging pipeline: its queue, its worker thread and its sinks. Loggers are named views over a runtime and are
 * cached by name; a runtime is created by {@link Fapilog#builder()} or is the {@linkplain Fapilog#defaultRuntime()
 * default runtime}.
 *
 * <p>All methods are thread-safe and none throws for runtime conditions.
 */
public interface LogRuntime {

    /** The runtime's name, used in thread names and diagnostics. */
    String name();

    /** The logger with this name (created on first use, then cached). A {@code null} name means {@code "root"}. */
    Logger logger(String name);

    /** The async logger with this name (created on first use, then cached). */
    AsyncLogger asyncLogger(String name);

    /** The current threshold: events below it are not captured. */
    Level level();

    /** Changes the threshold at runtime; affects every logger of this runtime from the next call on. */
    void setLevel(Level level);

    /**
     * Waits until every event submitted before this call has reached a final state (written, filtered, dropped or
     * failed) and every sink has been flushed, or until the deadline passes. Logging continues meanwhile.
     *
     * @return {@code true} if that happened before the deadline
     */
    boolean flush(Duration deadline);

    /**
     * Stops intake, writes everything already queued through every sink, flushes and stops the sinks, and stops the
     * worker, all within {@code deadline}. What cannot be settled in time is counted as dropped or failed with a
     * reason ({@code shutdown_timeout}, {@code timeout}). Idempotent and safe to call concurrently from several threads
     * and shutdown hooks: the first call drains, later ones wait for that drain (up to their own deadline) and return
     * the same result. Events logged after the drain started are counted as {@code dropped(after_shutdown)}.
     *
     * <p>Returns at the latest shortly (well under 100 ms) after the deadline, even when a sink or plug-in hangs.
     */
    DrainResult drain(Duration deadline);

    /** Whether a drain has started. */
    boolean isDraining();

    /** The counters now. While events are in flight, {@code pending} is a moving snapshot. */
    PipelineStats stats();

    /** The routing by level in force ({@link Routing#ALL} when every sink gets every event). */
    Routing routing();

    /**
     * Replaces the routing by level from the next batch on, for example to send DEBUG to a file while investigating.
     * Sinks that no rule reaches are reported on the diagnostics channel. Safe from any thread.
     *
     * @throws IllegalArgumentException when the routing names a sink this runtime does not have (nothing changes)
     */
    void setRouting(Routing routing);

    /**
     * The state of each sink, in configuration order: its circuit breaker, last error and fallback (see
     * {@link SinkState}). Safe from any thread; a snapshot.
     */
    List<SinkState> sinkStates();

    /**
     * The state of each filter, in pipeline order: current sample rate, tracked keys and events dropped. Safe from
     * any thread; the numbers are a moving snapshot while events flow.
     */
    List<FilterStats> filterStats();

    /** The names of the runtime's enrichers, in pipeline order, enabled or not. */
    List<String> enrichers();

    /**
     * Turns an enricher on or off from the next event on, for example to stop adding Kubernetes metadata while
     * investigating volume. Safe from any thread; never throws.
     *
     * @return {@code false} when the runtime has no enricher of that name
     */
    boolean setEnricherEnabled(String name, boolean enabled);

    /** Whether the enricher of that name is on ({@code false} also when there is none). */
    boolean isEnricherEnabled(String name);
}
