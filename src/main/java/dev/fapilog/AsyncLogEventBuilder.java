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

    /**
     * Adds a field whose value is masked on this thread, before the event is queued: it is written as
     * {@code data.sensitive.<key>} with every leaf value replaced by the redaction mask ({@code ***}); map keys and
     * list lengths stay. For values that must never reach a sink, whatever redactors are configured.
     */
    AsyncLogEventBuilder sensitive(String key, Object value);

    /** Like {@link #sensitive}, for personal data; written in the same {@code data.sensitive} object. */
    AsyncLogEventBuilder pii(String key, Object value);

    /**
     * Writes this one event without running any redactor, for example to see a payload while debugging. Loudly named
     * on purpose: the event is marked {@code diagnostics.unredacted=true} and each use is reported on the diagnostics
     * channel. Values added with {@link #sensitive}/{@link #pii} stay masked.
     */
    AsyncLogEventBuilder unsafeUnredacted();

    /** Captures and enqueues the event. */
    CompletionStage<Acceptance> log(String message);
}
