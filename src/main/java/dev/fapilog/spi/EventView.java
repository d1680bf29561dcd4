package dev.fapilog.spi;

import dev.fapilog.Level;

/**
 * A read-only view of one event on the worker thread, as filters see it.
 *
 * <p>Field values are {@code null}, {@code String}, {@code Boolean}, {@code Number}, {@code Character}, enums,
 * {@code UUID}, {@code java.time} values, unmodifiable {@code Map<String, ?>} and {@code List<?>} snapshots, or
 * values added by earlier plug-ins. Objects of other types were turned into strings on the caller thread.
 *
 * <p>Threading: a view is valid only during the plug-in call it was passed to, on the worker thread; the same object
 * is reused for the next event. Do not keep it.
 */
public interface EventView {

    Level level();

    /** The logger name. */
    String logger();

    /** The message, never {@code null}. */
    String message();

    /** Seconds since the epoch of the moment the event was captured. */
    long epochSecond();

    /** Nanoseconds within {@link #epochSecond()} (microsecond precision or better). */
    int nanoOfSecond();

    /** The name of the thread that logged the event. */
    String threadName();

    /** Whether the event carries an exception ({@code diagnostics.exception}). */
    boolean hasException();

    /** Number of fields in a section. */
    int size(Section section);

    /** The key of the field at {@code index} in a section (insertion order). */
    String key(Section section, int index);

    /** The value of the field at {@code index} in a section. */
    Object value(Section section, int index);

    /** The value of a top-level field of a section, or {@code null} when absent. */
    Object get(Section section, String key);

    /** Whether a section has a top-level field with this key. */
    boolean contains(Section section, String key);

    /**
     * Whether the field at {@code index} is reserved ({@code context.message_id}, {@code context.correlation_id}):
     * it cannot be changed, so redactors can skip it without reading it.
     */
    boolean isReserved(Section section, int index);

    /**
     * What the runtime's {@link CallerCapture} took on the logging thread for this event (for example the current
     * OpenTelemetry span context), or {@code null}.
     */
    Object captured();

    /**
     * Whether the application asked for this one event to be written without redaction (the loudly named
     * {@code unsafeUnredacted()} builder call). Redactors are not run for such an event.
     */
    boolean isUnredacted();
}
