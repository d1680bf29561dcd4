package dev.fapilog;

import java.time.Instant;
import java.util.Objects;

/**
 * The health of one sink as the runtime sees it: its circuit breaker, its last error and where its events go while
 * the breaker is open. A snapshot; read it with {@link LogRuntime#sinkStates()}.
 *
 * @param sink the sink's name
 * @param circuit the breaker's state
 * @param since when the breaker entered that state (the runtime's start for a breaker that never moved)
 * @param consecutiveFailures batches that failed in a row since the last success
 * @param lastError the last write failure ({@code "timeout"} or the exception's class and message), or {@code null}
 * @param lastErrorAt when {@code lastError} happened, or {@code null}
 * @param fallback where batches go while the breaker is open: a sink name, {@code "stderr"}, or {@code "none"}
 *     (they are then counted as {@code dropped(circuit_open)})
 * @param diverted events handed to the fallback so far (each is also counted in this sink's {@link SinkStats} by the
 *     fallback's outcome)
 */
public record SinkState(
        String sink,
        Circuit circuit,
        Instant since,
        int consecutiveFailures,
        String lastError,
        Instant lastErrorAt,
        String fallback,
        long diverted) {

    public SinkState {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(fallback, "fallback");
    }

    /** States of a sink's circuit breaker. */
    public enum Circuit {
        /** Batches are written; failures are counted. */
        CLOSED,
        /** Too many failures in a row: batches go to the fallback, or are dropped, without touching the sink. */
        OPEN,
        /** The recovery time has passed: one batch is written as a probe; the others are treated as while open. */
        HALF_OPEN
    }
}
