package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.LogContext;

/**
 * One event as captured on the caller thread: immutable from the moment it is queued. Field values have been through
 * {@link ValueCapture}, so everything reachable from here is immutable too.
 */
final class LogEvent {
    final long epochSecond;
    final int nanoOfSecond;
    final Level level;
    final String logger;
    final String message;
    final String thread;
    /** Alternating keys and values of the call; keys may be {@code null} (dropped and counted later). */
    final Object[] fields;
    /** How many entries of {@link #fields} belong to the event (the varargs array may be longer). */
    final int fieldCount;
    /** Alternating keys and values bound to the logger with {@code bind}. */
    final Object[] bound;

    final LogContext.Snapshot context;
    final ThrowableSnapshot error;

    LogEvent(
            long epochSecond,
            int nanoOfSecond,
            Level level,
            String logger,
            String message,
            String thread,
            Object[] fields,
            int fieldCount,
            Object[] bound,
            LogContext.Snapshot context,
            ThrowableSnapshot error) {
        this.epochSecond = epochSecond;
        this.nanoOfSecond = nanoOfSecond;
        this.level = level;
        this.logger = logger;
        this.message = message;
        this.thread = thread;
        this.fields = fields;
        this.fieldCount = fieldCount;
        this.bound = bound;
        this.context = context;
        this.error = error;
    }

    /** Capture time in nanoseconds since the epoch (fits a long until 2262), used to merge the two lanes. */
    long epochNanos() {
        return epochSecond * 1_000_000_000L + nanoOfSecond;
    }
}
