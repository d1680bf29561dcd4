package dev.fapilog;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The asynchronous facade: the same pipeline and arguments as {@link Logger}, but every call returns a
 * {@link CompletionStage} that completes with the call's {@link Acceptance}: when the event is accepted into the
 * queue or dropped. It never completes exceptionally; as with {@link Logger}, only an error after which the JVM
 * cannot be trusted ({@link OutOfMemoryError}, {@link InternalError}) is rethrown by the call itself.
 *
 * <h2>Threading</h2>
 * No call blocks a thread, under any backpressure policy. When the event is accepted or dropped at once (the usual
 * case) the returned stage is already complete and shared: calls allocate nothing for it. With the {@code wait}
 * policy and a full queue the event waits, without a thread, for up to the configured time; its stage then completes
 * on a runtime-owned callback thread, never on the caller's thread or the pipeline worker, so dependent actions
 * attached with non-async methods run there. Keep them short.
 *
 * <p>See {@link Logger} for how arguments are treated; everything said there holds here.
 */
public interface AsyncLogger {

    String name();

    LogRuntime runtime();

    boolean isEnabled(Level level);

    CompletionStage<Acceptance> log(Level level, String message, Object... keyValues);

    CompletionStage<Acceptance> log(Level level, String message, Throwable error, Object... keyValues);

    CompletionStage<Acceptance> log(Level level, String message, Map<String, ?> fields);

    CompletionStage<Acceptance> log(Level level, String message, Throwable error, Map<String, ?> fields);

    /** A child logger whose events all carry these fields (see {@link Logger#bind(Object...)}). */
    AsyncLogger bind(Object... keyValues);

    AsyncLogger bind(Map<String, ?> fields);

    AsyncLogEventBuilder atLevel(Level level);

    default CompletionStage<Acceptance> trace(String message, Object... keyValues) {
        return log(Level.TRACE, message, keyValues);
    }

    default CompletionStage<Acceptance> trace(String message, Throwable error, Object... keyValues) {
        return log(Level.TRACE, message, error, keyValues);
    }

    default CompletionStage<Acceptance> trace(String message, Map<String, ?> fields) {
        return log(Level.TRACE, message, fields);
    }

    default CompletionStage<Acceptance> debug(String message, Object... keyValues) {
        return log(Level.DEBUG, message, keyValues);
    }

    default CompletionStage<Acceptance> debug(String message, Throwable error, Object... keyValues) {
        return log(Level.DEBUG, message, error, keyValues);
    }

    default CompletionStage<Acceptance> debug(String message, Map<String, ?> fields) {
        return log(Level.DEBUG, message, fields);
    }

    default CompletionStage<Acceptance> info(String message, Object... keyValues) {
        return log(Level.INFO, message, keyValues);
    }

    default CompletionStage<Acceptance> info(String message, Throwable error, Object... keyValues) {
        return log(Level.INFO, message, error, keyValues);
    }

    default CompletionStage<Acceptance> info(String message, Map<String, ?> fields) {
        return log(Level.INFO, message, fields);
    }

    default CompletionStage<Acceptance> warning(String message, Object... keyValues) {
        return log(Level.WARNING, message, keyValues);
    }

    default CompletionStage<Acceptance> warning(String message, Throwable error, Object... keyValues) {
        return log(Level.WARNING, message, error, keyValues);
    }

    default CompletionStage<Acceptance> warning(String message, Map<String, ?> fields) {
        return log(Level.WARNING, message, fields);
    }

    default CompletionStage<Acceptance> warn(String message, Object... keyValues) {
        return log(Level.WARNING, message, keyValues);
    }

    default CompletionStage<Acceptance> warn(String message, Throwable error, Object... keyValues) {
        return log(Level.WARNING, message, error, keyValues);
    }

    default CompletionStage<Acceptance> warn(String message, Map<String, ?> fields) {
        return log(Level.WARNING, message, fields);
    }

    default CompletionStage<Acceptance> error(String message, Object... keyValues) {
        return log(Level.ERROR, message, keyValues);
    }

    default CompletionStage<Acceptance> error(String message, Throwable error, Object... keyValues) {
        return log(Level.ERROR, message, error, keyValues);
    }

    default CompletionStage<Acceptance> error(String message, Map<String, ?> fields) {
        return log(Level.ERROR, message, fields);
    }

    default CompletionStage<Acceptance> critical(String message, Object... keyValues) {
        return log(Level.CRITICAL, message, keyValues);
    }

    default CompletionStage<Acceptance> critical(String message, Throwable error, Object... keyValues) {
        return log(Level.CRITICAL, message, error, keyValues);
    }

    default CompletionStage<Acceptance> critical(String message, Map<String, ?> fields) {
        return log(Level.CRITICAL, message, fields);
    }

    default CompletionStage<Acceptance> audit(String message, Object... keyValues) {
        return log(Level.AUDIT, message, keyValues);
    }

    default CompletionStage<Acceptance> audit(String message, Throwable error, Object... keyValues) {
        return log(Level.AUDIT, message, error, keyValues);
    }

    default CompletionStage<Acceptance> audit(String message, Map<String, ?> fields) {
        return log(Level.AUDIT, message, fields);
    }

    default CompletionStage<Acceptance> security(String message, Object... keyValues) {
        return log(Level.SECURITY, message, keyValues);
    }

    default CompletionStage<Acceptance> security(String message, Throwable error, Object... keyValues) {
        return log(Level.SECURITY, message, error, keyValues);
    }

    default CompletionStage<Acceptance> security(String message, Map<String, ?> fields) {
        return log(Level.SECURITY, message, fields);
    }

    default AsyncLogEventBuilder atTrace() {
        return atLevel(Level.TRACE);
    }

    default AsyncLogEventBuilder atDebug() {
        return atLevel(Level.DEBUG);
    }

    default AsyncLogEventBuilder atInfo() {
        return atLevel(Level.INFO);
    }

    default AsyncLogEventBuilder atWarning() {
        return atLevel(Level.WARNING);
    }

    default AsyncLogEventBuilder atError() {
        return atLevel(Level.ERROR);
    }

    default AsyncLogEventBuilder atCritical() {
        return atLevel(Level.CRITICAL);
    }

    default AsyncLogEventBuilder atAudit() {
        return atLevel(Level.AUDIT);
    }

    default AsyncLogEventBuilder atSecurity() {
        return atLevel(Level.SECURITY);
    }
}
