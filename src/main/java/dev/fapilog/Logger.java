package dev.fapilog;

import java.util.Map;

/**
 * A named, structured logger: a cheap view over one {@link LogRuntime}.
 *
 * <pre>{@code
 * log.info("Processing request", "user_id", 123, "amount", 9.5);
 * log.error("Payment failed", exception, "order_id", id);
 * Logger tenantLog = log.bind("tenant_id", "acme");
 * log.atWarning().with("attempt", 3).log("Retrying");
 * }</pre>
 *
 * <h2>Threading and cost</h2>
 * Every method may be called from any thread. A call whose level is disabled returns after one comparison. An enabled
 * call captures the event on the calling thread (time, level, logger, message, fields, bound fields, the current
 * {@link LogContext} and the thread name) and offers it to a bounded, lock-free queue; it never does I/O, formats
 * JSON, or waits for a lock held by the worker. With the {@code wait} backpressure policy a call may wait a bounded
 * time (50 ms by default) when the queue is full; with the default {@code drop} policy it never waits.
 *
 * <h2>Arguments</h2>
 * <ul>
 *   <li>{@code keyValues} alternate keys and values: {@code "user_id", 123, "amount", 9.5}. A key that is not a
 *       {@code String} is converted with {@code String.valueOf}; a {@code null} or empty key drops its field and is
 *       counted in the event's {@code data._invalid_keys}.
 *   <li>An odd number of arguments whose last one is a {@code Throwable} (and no explicit throwable argument) makes
 *       that throwable the event's exception. Any other unpaired last argument is kept under the key
 *       {@code _unpaired}.
 *   <li>A {@code null} message is logged as the empty string. The message is never interpreted: no placeholders, no
 *       lookups.
 *   <li>Values that are not immutable (maps, collections, arrays, records, other objects) are snapshotted on the
 *       calling thread; other objects are rendered with a guarded, length-capped {@code toString()} there, so a later
 *       change to the object never reaches the output and a throwing {@code toString()} becomes a placeholder.
 *   <li>When an explicit {@code Object[]} is passed as {@code keyValues}, do not modify it after the call: the
 *       library keeps a reference to it instead of copying it.
 *   <li>A literal {@code null} right after the message selects the {@code (String, Throwable, Object...)} overload
 *       (Java picks the most specific one): {@code info("m", null, "k", 1)} logs field {@code k} with no exception.
 *       To pass {@code null} as a key, pass the pairs as an explicit {@code Object[]}.
 * </ul>
 *
 * <h2>Failure behaviour</h2>
 * No method throws, whatever the arguments, the runtime state (draining, drained, overloaded) or the thread (an
 * interrupted thread keeps its interrupt flag). What happened to each call is counted in {@link LogRuntime#stats()}.
 * The one exception: an error after which the JVM cannot be trusted ({@link OutOfMemoryError}, {@link InternalError})
 * raised while capturing the call, for example by a value's {@code toString()}, is rethrown, never swallowed; a
 * {@link StackOverflowError} there is a placeholder like any other failing {@code toString()}.
 */
public interface Logger {

    /** The logger's name (the envelope's {@code logger} field). */
    String name();

    /** The runtime this logger writes to. */
    LogRuntime runtime();

    /** Whether events at {@code level} are captured. */
    boolean isEnabled(Level level);

    /** Logs at {@code level} with alternating key/value pairs. */
    void log(Level level, String message, Object... keyValues);

    /** Logs at {@code level} with an exception and alternating key/value pairs. */
    void log(Level level, String message, Throwable error, Object... keyValues);

    /** Logs at {@code level} with fields from a map (iterated on the calling thread). */
    void log(Level level, String message, Map<String, ?> fields);

    /** Logs at {@code level} with an exception and fields from a map. */
    void log(Level level, String message, Throwable error, Map<String, ?> fields);

    /**
     * A child logger with the same name whose events all carry these fields (alternating key/value pairs). The
     * receiver is not changed. Later {@code bind} calls add to (and override) earlier ones; fields given to a log
     * call override bound ones.
     */
    Logger bind(Object... keyValues);

    /** A child logger whose events all carry these fields. */
    Logger bind(Map<String, ?> fields);

    /** A fluent builder for one event at {@code level}; a no-op builder when the level is disabled. */
    LogEventBuilder atLevel(Level level);

    default void trace(String message) {
        log(Level.TRACE, message, (Throwable) null, Fields.NONE);
    }

    default void trace(String message, Object... keyValues) {
        log(Level.TRACE, message, keyValues);
    }

    default void trace(String message, Throwable error, Object... keyValues) {
        log(Level.TRACE, message, error, keyValues);
    }

    default void trace(String message, Map<String, ?> fields) {
        log(Level.TRACE, message, fields);
    }

    default void debug(String message) {
        log(Level.DEBUG, message, (Throwable) null, Fields.NONE);
    }

    default void debug(String message, Object... keyValues) {
        log(Level.DEBUG, message, keyValues);
    }

    default void debug(String message, Throwable error, Object... keyValues) {
        log(Level.DEBUG, message, error, keyValues);
    }

    default void debug(String message, Map<String, ?> fields) {
        log(Level.DEBUG, message, fields);
    }

    default void info(String message) {
        log(Level.INFO, message, (Throwable) null, Fields.NONE);
    }

    default void info(String message, Object... keyValues) {
        log(Level.INFO, message, keyValues);
    }

    default void info(String message, Throwable error, Object... keyValues) {
        log(Level.INFO, message, error, keyValues);
    }

    default void info(String message, Map<String, ?> fields) {
        log(Level.INFO, message, fields);
    }

    default void warning(String message) {
        log(Level.WARNING, message, (Throwable) null, Fields.NONE);
    }

    default void warning(String message, Object... keyValues) {
        log(Level.WARNING, message, keyValues);
    }

    default void warning(String message, Throwable error, Object... keyValues) {
        log(Level.WARNING, message, error, keyValues);
    }

    default void warning(String message, Map<String, ?> fields) {
        log(Level.WARNING, message, fields);
    }

    /** Same as {@link #warning(String)}. */
    default void warn(String message) {
        log(Level.WARNING, message, (Throwable) null, Fields.NONE);
    }

    /** Same as {@link #warning(String, Object...)}. */
    default void warn(String message, Object... keyValues) {
        log(Level.WARNING, message, keyValues);
    }

    /** Same as {@link #warning(String, Throwable, Object...)}. */
    default void warn(String message, Throwable error, Object... keyValues) {
        log(Level.WARNING, message, error, keyValues);
    }

    /** Same as {@link #warning(String, Map)}. */
    default void warn(String message, Map<String, ?> fields) {
        log(Level.WARNING, message, fields);
    }

    default void error(String message) {
        log(Level.ERROR, message, (Throwable) null, Fields.NONE);
    }

    default void error(String message, Object... keyValues) {
        log(Level.ERROR, message, keyValues);
    }

    default void error(String message, Throwable error, Object... keyValues) {
        log(Level.ERROR, message, error, keyValues);
    }

    default void error(String message, Map<String, ?> fields) {
        log(Level.ERROR, message, fields);
    }

    default void critical(String message) {
        log(Level.CRITICAL, message, (Throwable) null, Fields.NONE);
    }

    default void critical(String message, Object... keyValues) {
        log(Level.CRITICAL, message, keyValues);
    }

    default void critical(String message, Throwable error, Object... keyValues) {
        log(Level.CRITICAL, message, error, keyValues);
    }

    default void critical(String message, Map<String, ?> fields) {
        log(Level.CRITICAL, message, fields);
    }

    default void audit(String message) {
        log(Level.AUDIT, message, (Throwable) null, Fields.NONE);
    }

    default void audit(String message, Object... keyValues) {
        log(Level.AUDIT, message, keyValues);
    }

    default void audit(String message, Throwable error, Object... keyValues) {
        log(Level.AUDIT, message, error, keyValues);
    }

    default void audit(String message, Map<String, ?> fields) {
        log(Level.AUDIT, message, fields);
    }

    default void security(String message) {
        log(Level.SECURITY, message, (Throwable) null, Fields.NONE);
    }

    default void security(String message, Object... keyValues) {
        log(Level.SECURITY, message, keyValues);
    }

    default void security(String message, Throwable error, Object... keyValues) {
        log(Level.SECURITY, message, error, keyValues);
    }

    default void security(String message, Map<String, ?> fields) {
        log(Level.SECURITY, message, fields);
    }

    default LogEventBuilder atTrace() {
        return atLevel(Level.TRACE);
    }

    default LogEventBuilder atDebug() {
        return atLevel(Level.DEBUG);
    }

    default LogEventBuilder atInfo() {
        return atLevel(Level.INFO);
    }

    default LogEventBuilder atWarning() {
        return atLevel(Level.WARNING);
    }

    default LogEventBuilder atError() {
        return atLevel(Level.ERROR);
    }

    default LogEventBuilder atCritical() {
        return atLevel(Level.CRITICAL);
    }

    default LogEventBuilder atAudit() {
        return atLevel(Level.AUDIT);
    }

    default LogEventBuilder atSecurity() {
        return atLevel(Level.SECURITY);
    }
}
