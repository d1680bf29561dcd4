package dev.fapilog.core;

import dev.fapilog.SinkState;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The circuit breaker of one sink (catalogue 5.2): {@code threshold} batches failing in a row open it; while open,
 * batches are not written; once {@code recovery} has passed, the next batch is written as the one probe
 * (half-open), and its outcome closes the breaker or opens it again. A threshold of 0 keeps it closed for good.
 *
 * <p>Thread-safe: the worker asks {@link #admit()} when it hands over a batch, the sink's thread (or the worker, for
 * a timeout) reports outcomes. Called once per batch, never per event, so a monitor is cheap enough.
 */
final class CircuitBreaker {
    /** Told about every state change, outside the monitor. */
    interface Listener {
        void moved(SinkState.Circuit to, int failures, String lastError);
    }

    /** What {@link #admit()} decided for a batch. */
    enum Admission {
        WRITE,
        PROBE,
        DIVERT
    }

    private final int threshold;
    private final long recoveryNanos;
    private final LongSupplier nanoClock;
    private final Listener listener;

    private SinkState.Circuit state = SinkState.Circuit.CLOSED;
    private long openedAt;
    private int failures;
    private Instant since = Instant.now();
    private String lastError;
    private Instant lastErrorAt;

    CircuitBreaker(int threshold, long recoveryNanos, LongSupplier nanoClock, Listener listener) {
        this.threshold = threshold;
        this.recoveryNanos = recoveryNanos;
        this.nanoClock = nanoClock;
        this.listener = listener;
    }

    /** Whether a batch may be written now; a {@link Admission#PROBE} moves the breaker to half-open. */
    Admission admit() {
        synchronized (this) {
            if (state == SinkState.Circuit.CLOSED) {
                return Admission.WRITE;
            }
            if (state == SinkState.Circuit.HALF_OPEN || nanoClock.getAsLong() - openedAt < recoveryNanos) {
                return Admission.DIVERT;
            }
            move(SinkState.Circuit.HALF_OPEN);
        }
        listener.moved(SinkState.Circuit.HALF_OPEN, failures, lastError);
        return Admission.PROBE;
    }

    /** Whether batches queued before the breaker opened should still be written (only while closed). */
    boolean isClosed() {
        synchronized (this) {
            return state == SinkState.Circuit.CLOSED;
        }
    }

    void succeeded() {
        synchronized (this) {
            failures = 0;
            if (state == SinkState.Circuit.CLOSED) {
                return;
            }
            move(SinkState.Circuit.CLOSED);
        }
        listener.moved(SinkState.Circuit.CLOSED, 0, lastError);
    }

    void failed(String error) {
        int n;
        synchronized (this) {
            failures++;
            lastError = error;
            lastErrorAt = Instant.now();
            boolean open = state == SinkState.Circuit.HALF_OPEN
                    || (state == SinkState.Circuit.CLOSED && threshold > 0 && failures >= threshold);
            if (!open) {
                return;
            }
            openedAt = nanoClock.getAsLong();
            move(SinkState.Circuit.OPEN);
            n = failures;
        }
        listener.moved(SinkState.Circuit.OPEN, n, error);
    }

    private void move(SinkState.Circuit to) {
        state = to;
        since = Instant.now();
    }

    SinkState state(String sink, String fallback, long diverted) {
        synchronized (this) {
            return new SinkState(sink, state, since, failures, lastError, lastErrorAt, fallback, diverted);
        }
    }
}
