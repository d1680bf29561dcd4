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

    /** Captures and enqueues the event. */
    void log(String message);
}
