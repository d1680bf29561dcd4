package dev.fapilog.spi;

import dev.fapilog.Acceptance;
import dev.fapilog.Level;

/**
 * The entry of a bridge from another logging API (JUL, SLF4J, {@code System.Logger}) into one runtime, for one logger
 * name. Obtained with {@link BridgeTarget#bridgeLogger}; cheap to keep (a bridge keeps one per foreign logger).
 *
 * <p>A bridge hands over what the foreign API already resolved: the final message text (its own placeholders
 * formatted), the exception, and fields as alternating keys and values. The event keeps the logger name given here,
 * the thread named by the bridge, and the bridge's {@linkplain #origin() origin} in {@code diagnostics.origin}; the
 * caller's {@link dev.fapilog.LogContext} is captured as for a native call. Everything else (capture of values,
 * backpressure, accounting, redaction) is the native path's.
 *
 * <p>Thread-safe. {@link #log} never throws, but for the errors {@link Fatal} names; an event logged on one of the
 * runtime's own threads (a sink's client library logging from the worker) is not taken in: it is counted as
 * {@code dropped(pipeline_thread)} and reported on the diagnostics channel, so a sink that logs cannot loop.
 */
public interface BridgeLogger {

    /** The logger name events get. */
    String name();

    /** The origin events get in {@code diagnostics.origin}, such as {@code jul}. */
    String origin();

    /** Whether an event of this level would be taken in now (the runtime's threshold; changes at run time). */
    boolean isEnabled(Level level);

    /**
     * Captures and enqueues one event, whatever its level (check {@link #isEnabled} first to skip the work).
     *
     * @param message the final text; {@code null} is written as {@code ""}
     * @param error the exception, or {@code null}
     * @param keyValues alternating keys and values, or {@code null}; a trailing unpaired throwable is the exception
     * @param thread the name of the thread that logged, or {@code null} for the current thread
     * @return what happened to the event, as for a native call
     */
    Acceptance log(Level level, String message, Throwable error, Object[] keyValues, String thread);
}
