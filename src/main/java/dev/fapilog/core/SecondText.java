package dev.fapilog.core;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The {@code yyyy-MM-dd?HH:mm:ss} text of one second, cached: encoders write timestamps for every event, but the
 * date and time only change once a second, so they are formatted once a second and copied otherwise.
 * Not thread-safe: one per encoder.
 */
final class SecondText {
    private final byte[] text = new byte[19];
    private final char separator;
    private long cachedSecond = Long.MIN_VALUE;
    private int cachedOffset;

    /** @param separator between date and time: {@code 'T'} for RFC 3339, {@code ' '} for people */
    public SecondText(char separator) {
        this.separator = separator;
    }

    /** Appends the 19 characters for {@code epochSecond} shifted by {@code offset}. */
    public void write(ByteBuf out, long epochSecond, ZoneOffset offset) {
        int offsetSeconds = offset.getTotalSeconds();
        if (epochSecond != cachedSecond || offsetSeconds != cachedOffset) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
            ByteBuf b = new ByteBuf(19);
            b.putPadded(t.getYear(), 4);
            b.put((byte) '-');
            b.putPadded(t.getMonthValue(), 2);
            b.put((byte) '-');
            b.putPadded(t.getDayOfMonth(), 2);
            b.put((byte) separator);
            b.putPadded(t.getHour(), 2);
            b.put((byte) ':');
            b.putPadded(t.getMinute(), 2);
            b.put((byte) ':');
            b.putPadded(t.getSecond(), 2);
            System.arraycopy(b.array(), 0, text, 0, 19);
            cachedSecond = epochSecond;
            cachedOffset = offsetSeconds;
        }
        out.put(text);
    }
}
