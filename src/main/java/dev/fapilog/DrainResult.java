package dev.fapilog;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link LogRuntime#drain(Duration) drain} achieved: the final counters and how long it took. Every caller of
 * {@code drain} on one runtime gets an equal result.
 *
 * @param stats the runtime's counters when the drain finished; {@code pending} is 0 when
 *     {@link #completedInTime()} is true
 * @param drainTime wall time from the first drain request to the end of the drain
 * @param completedInTime whether everything was settled (written, or counted as failed or dropped) and every sink
 *     flushed and stopped before the deadline
 */
public record DrainResult(PipelineStats stats, Duration drainTime, boolean completedInTime) {

    public DrainResult {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(drainTime, "drainTime");
    }

    public long submitted() {
        return stats.submitted();
    }

    public long delivered() {
        return stats.delivered();
    }

    public long filtered() {
        return stats.filtered();
    }

    public long dropped() {
        return stats.dropped();
    }

    public long failed() {
        return stats.failed();
    }

    public long pending() {
        return stats.pending();
    }

    public long retries() {
        return stats.retries();
    }

    public long queueHighWaterMark() {
        return stats.queueHighWaterMark();
    }

    public Map<String, Long> droppedByReason() {
        return stats.droppedByReason();
    }

    public Map<String, Long> failedByReason() {
        return stats.failedByReason();
    }

    public Map<String, SinkStats> sinks() {
        return stats.sinks();
    }

    /** One line for humans, for example for a shutdown message. */
    public String summary() {
        return "submitted=" + submitted() + " delivered=" + delivered() + " filtered=" + filtered() + " dropped="
                + dropped() + droppedByReason() + " failed=" + failed() + failedByReason() + " pending=" + pending()
                + " retries=" + retries() + " queue_high_water_mark=" + queueHighWaterMark() + " drain_ms="
                + drainTime.toMillis() + (completedInTime ? "" : " (deadline exceeded)");
    }
}
