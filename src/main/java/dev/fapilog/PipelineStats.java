package dev.fapilog;

import java.util.Map;
import java.util.Objects;

/**
 * The runtime's counters at one moment. In total, each submitted event is in exactly one state: delivered (every
 * sink wrote it), filtered, dropped (with a reason), failed (at least one sink could not write it, or it could not be
 * encoded) or pending. The equation {@code submitted == delivered + filtered + dropped + failed + pending} holds
 * exactly whenever the pipeline is quiescent, in total and {@linkplain #sinks() per sink}.
 *
 * <p>Reasons used by the core: dropped {@code queue_full}, {@code after_shutdown}, {@code pipeline_thread},
 * {@code redaction_failed}, {@code processor}, {@code shutdown_timeout}, {@code sink_stalled}; failed
 * {@code exception}, {@code timeout}, {@code encoding}. Plug-ins may add their own.
 *
 * @param submitted events captured by an enabled log call (calls below the level are not counted)
 * @param delivered events written by every sink
 * @param filtered events removed by a filter
 * @param dropped events dropped without an error
 * @param failed events that failed
 * @param pending events still in the queue, in the worker's hands or being written
 * @param retries sink write attempts repeated after a retryable failure
 * @param backpressureWaits events that found the queue full, waited ({@code wait} policy) and then got in
 * @param queueCapacity capacity of the main lane plus the protected lane
 * @param queueHighWaterMark the largest queue depth seen (both lanes)
 * @param droppedByReason {@code dropped} split by reason
 * @param failedByReason {@code failed} split by reason
 * @param sinks the same accounting seen from each sink, by sink name
 */
public record PipelineStats(
        long submitted,
        long delivered,
        long filtered,
        long dropped,
        long failed,
        long pending,
        long retries,
        long backpressureWaits,
        long queueCapacity,
        long queueHighWaterMark,
        Map<String, Long> droppedByReason,
        Map<String, Long> failedByReason,
        Map<String, SinkStats> sinks) {

    public PipelineStats {
        droppedByReason = Map.copyOf(droppedByReason);
        failedByReason = Map.copyOf(failedByReason);
        sinks = Map.copyOf(Objects.requireNonNull(sinks, "sinks"));
    }

    /** {@code delivered + filtered + dropped + failed + pending}. */
    public long accountedFor() {
        return delivered + filtered + dropped + failed + pending;
    }

    /** Whether the accounting equation holds in total and for every sink. */
    public boolean balanced() {
        if (accountedFor() != submitted) {
            return false;
        }
        for (SinkStats s : sinks.values()) {
            if (s.accountedFor() != submitted) {
                return false;
            }
        }
        return true;
    }
}
