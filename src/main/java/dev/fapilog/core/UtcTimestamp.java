package dev.fapilog.core;

import java.time.ZoneOffset;

/**
 * Writes RFC 3339 UTC timestamps with microseconds ({@code "2026-11-23T10:15:30.123456Z"}), quoted, without
 * allocating per event. Worker thread only.
 */
final class UtcTimestamp {
    private final SecondText seconds = new SecondText('T');

    void write(ByteBuf out, long epochSecond, int nanoOfSecond) {
        out.put((byte) '"');
        seconds.write(out, epochSecond, ZoneOffset.UTC);
        out.put((byte) '.');
        out.putPadded(nanoOfSecond / 1000, 6);
        out.put((byte) 'Z', (byte) '"');
    }
}
