package dev.fapilog.sink.file;

import java.time.Duration;
import java.time.Instant;

/**
 * When a rotating sink starts a new file: before a batch that would take the file over {@code maxBytes} (a file holds
 * more only when one batch alone is larger), and at wall-clock boundaries that are multiples of {@code interval}
 * since the epoch (hourly rotation happens at every full UTC hour; weekly boundaries fall on Thursdays, 00:00 UTC, as
 * in fapilog). A clock that steps back delays the next time rotation; it never overwrites a file.
 *
 * @param maxBytes the size limit ({@code 0}: none)
 * @param interval the time between rotations ({@link Duration#ZERO}: none)
 */
record RotationPolicy(long maxBytes, Duration interval) {

    /** Whether a file of {@code size} bytes must be closed before {@code nextWrite} more bytes go in. */
    boolean full(long size, long nextWrite) {
        return maxBytes > 0 && size > 0 && size + nextWrite > maxBytes;
    }

    /** The first boundary after {@code now}, or {@link Instant#MAX} without time rotation. */
    Instant nextBoundary(Instant now) {
        if (interval.isZero()) {
            return Instant.MAX;
        }
        long step = interval.toMillis();
        long at = Math.floorDiv(now.toEpochMilli(), step) * step + step;
        return Instant.ofEpochMilli(at);
    }
}
