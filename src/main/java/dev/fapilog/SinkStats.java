package dev.fapilog;

import java.util.Map;
import java.util.Objects;

/**
 * Accounting seen from one sink. Every event submitted to the runtime is, for this sink, in exactly one of these
 * states, so {@code submitted == delivered + filtered + notRouted + dropped + failed + pending} holds exactly whenever the
 * pipeline is quiescent (after {@link LogRuntime#flush} or {@link LogRuntime#drain} returned {@code true} or met its
 * deadline). {@code dropped} and {@code failed} include what the whole runtime dropped or failed before the event
 * reached any sink (a full queue, for example), because this sink did not get those events either.
 *
 * @param sink the sink's name
 * @param delivered events the sink's {@code write} accepted
 * @param filtered events removed by filters before any sink
 * @param notRouted events that routing by level sent to other sinks only ({@link Routing})
 * @param dropped events the sink never got, without an error (queue full, shutdown, redaction fail-closed, ...)
 * @param failed events the sink got but could not write (exception after retries, deadline exceeded, ...)
 * @param pending events not yet in a final state
 * @param retries write attempts repeated after a retryable failure
 * @param droppedByReason {@code dropped} split by reason, for example {@code queue_full}
 * @param failedByReason {@code failed} split by reason, for example {@code timeout}
 */
public record SinkStats(
        String sink,
        long delivered,
        long filtered,
        long notRouted,
        long dropped,
        long failed,
        long pending,
        long retries,
        Map<String, Long> droppedByReason,
        Map<String, Long> failedByReason) {

    public SinkStats {
        Objects.requireNonNull(sink, "sink");
        droppedByReason = Map.copyOf(droppedByReason);
        failedByReason = Map.copyOf(failedByReason);
    }

    /** {@code delivered + filtered + notRouted + dropped + failed + pending}: equals the runtime's submitted count. */
    public long accountedFor() {
        return delivered + filtered + notRouted + dropped + failed + pending;
    }
}
