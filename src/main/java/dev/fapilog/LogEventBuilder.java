package dev.fapilog;

import java.util.Map;

/**
 * Builds one event fluently: {@code log.atInfo().with("user_id", 42).log("Signed in")}. Obtained from
 * {@link Logger#atLevel(Level)}; nothing is captured until {@link #log(String)}. Not thread-safe: use one builder on
 * one thread, once. When the level is disabled the builder ignores every call. No method throws.
 */
public interface LogEventBuilder {

    /** Adds one field. */
    LogEventBuilder with(String key, Object value);

    /** Adds every entry of the map as a field. */
    LogEventBuilder with(Map<String, ?> fields);

    /** Attaches an exception. */
    LogEventBuilder cause(Throwable error);

    /**
     * Adds a field whose value is masked on this thread, before the event is queued: it is written as
     * {@code data.sensitive.<key>} with every leaf value replaced by the redaction mask ({@code ***}); map keys and
     * list lengths stay. For values that must never reach a sink, whatever redactors are configured.
     */
    LogEventBuilder sensitive(String key, Object value);

    /** Like {@link #sensitive}, for personal data; written in the same {@code data.sensitive} object. */
    LogEventBuilder pii(String key, Object value);

    /**
     * Writes this one event without running any redactor, for example to see a payload while debugging. Loudly named
     * on purpose: the event is marked {@code diagnostics.unredacted=true} and each use is reported on the diagnostics
     * channel. Values added with {@link #sensitive}/{@link #pii} stay masked.
     */
    LogEventBuilder unsafeUnredacted();

    /** Captures and enqueues the event. */
    void log(String message);
}
