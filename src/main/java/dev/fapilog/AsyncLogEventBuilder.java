package dev.fapilog;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The {@link AsyncLogger} counterpart of {@link LogEventBuilder}: {@link #log(String)} returns a stage that completes
 * when the event is accepted or dropped.
 */
public interface AsyncLogEventBuilder {

    /** Adds one field. */
    AsyncLogEventBuilder with(String key, Object value);

    /** Adds every entry of the map as a field. */
    AsyncLogEventBuilder with(Map<String, ?> fields);

    /** Attaches an exception. */
    AsyncLogEventBuilder cause(Throwable error);

    /** Captures and enqueues the event. */
    CompletionStage<Acceptance> log(String message);
}
