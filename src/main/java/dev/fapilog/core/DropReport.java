package dev.fapilog.core;

/**
 * Reports queue-full drops on the diagnostics channel, at most once a second and only when there were new ones, so
 * that an overloaded runtime says so without flooding the channel. Called by the worker only.
 */
final class DropReport {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Accounting accounting;
    private final DiagnosticsChannel diagnostics;
    private final long queueCapacity;
    private long lastReport;
    private long reported;

    DropReport(Accounting accounting, DiagnosticsChannel diagnostics, long queueCapacity) {
        this.accounting = accounting;
        this.diagnostics = diagnostics;
        this.queueCapacity = queueCapacity;
    }

    /** Reports the drops since the last report, if a second has passed since then. */
    void tick(long now) {
        if (now - lastReport < INTERVAL_NANOS) {
            return;
        }
        lastReport = now;
        long queueFull = accounting.intakeDropped.snapshot().getOrDefault("queue_full", 0L)
                + accounting.runtimeDropped.snapshot().getOrDefault("queue_full", 0L);
        if (queueFull > reported) {
            diagnostics.warn(
                    "backpressure",
                    "queue_full",
                    "Queue full: events were dropped",
                    "dropped_since_last_report",
                    queueFull - reported,
                    "dropped_total",
                    queueFull,
                    "queue_high_water_mark",
                    accounting.highWaterMark.get(),
                    "queue_capacity",
                    queueCapacity);
            reported = queueFull;
        }
    }
}
