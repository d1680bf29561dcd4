package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.LogContext;

/**
 * One event as captured on the caller thread: immutable from the moment it is queued. Field values have been through
 * {@link ValueCapture}, so everything reachable from here is immutable too.
 */
final class LogEvent {
    /** The origin of events logged through the library's own API. */
    static final String NATIVE = "native";

    /** {@code System.nanoTime()} at capture: cheap on the caller, monotonic for ordering; see {@link WallClock}. */
    final long nanoTime;

    final Level level;
    final String logger;
    final String message;
    final String thread;
    /** Which API the event came through: {@link #NATIVE} or a bridge's name ({@code jul}, {@code slf4j}, ...). */
    final String origin;
    /** Alternating keys and values of the call; keys may be {@code null} (dropped and counted later). */
    final Object[] fields;
    /** How many entries of {@link #fields} belong to the event (the varargs array may be longer). */
    final int fieldCount;
    /** Alternating keys and values bound to the logger with {@code bind}. */
    final Object[] bound;

    final LogContext.Snapshot context;
    final ThrowableSnapshot error;
    /** What the runtime's {@link dev.fapilog.spi.CallerCapture} took on the calling thread, or {@code null}. */
    final Object captured;
    /** Whether redactors must leave this event alone (the unsafe builder call). */
    final boolean unredacted;
    /** Estimated bytes above {@link EventSizes#BASELINE}, charged to the queue's byte budget while it is queued. */
    final int excessBytes;

    LogEvent(
            long nanoTime,
            Level level,
            String logger,
            String message,
            String thread,
            String origin,
            Object[] fields,
            int fieldCount,
            Object[] bound,
            LogContext.Snapshot context,
            ThrowableSnapshot error,
            Object captured,
            boolean unredacted,
            int excessBytes) {
        this.nanoTime = nanoTime;
        this.level = level;
        this.logger = logger;
        this.message = message;
        this.thread = thread;
        this.origin = origin;
        this.fields = fields;
        this.fieldCount = fieldCount;
        this.bound = bound;
        this.context = context;
        this.error = error;
        this.captured = captured;
        this.unredacted = unredacted;
        this.excessBytes = excessBytes;
    }
}
