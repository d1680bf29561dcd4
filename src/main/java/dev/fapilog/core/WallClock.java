package dev.fapilog.core;

import java.time.Instant;

/**
 * Turns the {@code System.nanoTime()} stamped on events by callers into wall-clock time on the worker. Callers read
 * the monotonic clock because it is cheaper than {@code Instant.now()} and allocates nothing; the worker maps it to
 * the epoch with a pair of readings refreshed once a second of event time, so a timestamp is off the wall clock by no
 * more than the two clocks drift apart within a second (NTP slews the wall clock by at most 500 ppm, so 0.5 ms at
 * worst, usually a few microseconds), and a step of the wall clock shows within a second. Worker thread only.
 */
final class WallClock {
    private static final long RECALIBRATE_NANOS = 1_000_000_000L;

    private long baseNanoTime;
    private long baseEpochNanos;

    WallClock() {
        calibrate();
    }

    /** Nanoseconds since the epoch for a {@code System.nanoTime()} reading. */
    long epochNanos(long nanoTime) {
        if (nanoTime - baseNanoTime > RECALIBRATE_NANOS) {
            calibrate();
        }
        return baseEpochNanos + (nanoTime - baseNanoTime);
    }

    private void calibrate() {
        Instant now = Instant.now();
        baseNanoTime = System.nanoTime();
        baseEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
