package dev.fapilog;

/**
 * What happened to one log call at the moment it left the caller: the result an {@link AsyncLogger} call completes
 * with. Acceptance is not delivery: an accepted event may still be filtered, dropped or fail later, and is then
 * counted in the runtime's statistics ({@link LogRuntime#stats()}, {@link DrainResult}).
 */
public enum Acceptance {
    /** The event is in the queue; the worker will process it. */
    ACCEPTED,
    /** The level is disabled for this logger; nothing was captured or counted. */
    DISABLED,
    /** The queue was full (after the configured wait, if any); counted as {@code dropped(queue_full)}. */
    DROPPED_QUEUE_FULL,
    /**
     * The event was too large for what is left of the queue's byte budget ({@code queue.max-bytes}); counted as
     * {@code dropped(queue_bytes)}.
     */
    DROPPED_QUEUE_BYTES,
    /** The runtime was draining or drained; counted as {@code dropped(after_shutdown)}. */
    DROPPED_AFTER_SHUTDOWN,
    /**
     * The call was made on one of the runtime's own threads (for example by a sink's library); the event went to the
     * diagnostics channel instead of the queue, counted as {@code dropped(pipeline_thread)}.
     */
    DROPPED_PIPELINE_THREAD,
    /**
     * The library failed to capture the event (a bug, never bad input); counted as {@code dropped(internal_error)} and
     * reported on the diagnostics channel.
     */
    DROPPED_INTERNAL_ERROR;

    /** Whether the event entered the queue. */
    public boolean isAccepted() {
        return this == ACCEPTED;
    }
}
