package dev.fapilog.core;

import java.util.SplittableRandom;

/**
 * Time-ordered UUIDs (RFC 9562 version 7) for {@code context.message_id}, made on the worker thread from the event's
 * capture time: 48 bits of Unix milliseconds, then 12 bits of sub-millisecond fraction (the RFC's "increased clock
 * precision" method), then 62 random bits. The random bits come from a {@link SplittableRandom} owned by the worker:
 * no lock and no {@code SecureRandom}, because message ids are identifiers, not secrets. Not thread-safe by design.
 */
final class MessageIds {
    private final SplittableRandom random = new SplittableRandom();
    private long msb;
    private long lsb;

    /** Generates the id for an event captured at {@code epochNanos}. */
    void next(long epochNanos) {
        long millis = Math.floorDiv(epochNanos, 1_000_000L);
        long subMilli = (Math.floorMod(epochNanos, 1_000_000L) * 4096L) / 1_000_000; // 12 bits
        msb = (millis << 16) | 0x7000L | subMilli;
        lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    }

    long msb() {
        return msb;
    }

    long lsb() {
        return lsb;
    }
}
