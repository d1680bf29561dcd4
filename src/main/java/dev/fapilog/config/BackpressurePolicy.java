package dev.fapilog.config;

/** What a log call does when its lane of the queue is full. */
public enum BackpressurePolicy {
    /** Drop the event at once and count it ({@code dropped(queue_full)}). The caller never waits. */
    DROP,
    /** Wait a bounded time for space ({@code backpressure.wait}), then drop and count. */
    WAIT
}
