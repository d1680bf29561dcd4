package dev.fapilog.spi;

/**
 * For an enricher that needs something only the logging thread can see, such as the current OpenTelemetry span (a
 * thread-local): the runtime calls {@link #capture()} on the caller thread for every enabled log call and hands the
 * result to the worker as {@link EventView#captured()}.
 *
 * <p>Threading and failure: {@code capture} runs on application threads, concurrently; it must be fast (it is on the
 * caller's hot path), never block, never log, and return an immutable object (or {@code null}). If it throws, the
 * event is logged without it and the failure is reported once on the diagnostics channel. Only the first enricher of
 * a runtime that implements this interface is asked.
 */
public interface CallerCapture {

    /** What the worker will need about the current thread's state, or {@code null} for nothing. */
    Object capture();
}
