package dev.fapilog.sink.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes protocol buffers wire format into one growing array: varint, fixed and length-delimited fields, with nested
 * messages opened by {@link #begin(int)} and closed by {@link #end()}. A nested message's length is reserved as one
 * byte and the content moved only when the length needs more (a message of 128 bytes or more), so most small
 * messages are written once. Not thread-safe; one per sink.
 */
final class ProtoWriter {
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int DELIMITED = 2;
    private static final int FIXED32 = 5;

    private byte[] buf = new byte[4096];
    private int len;
    private int[] starts = new int[16];
    private int depth;

    void reset() {
        len = 0;
        depth = 0;
    }

    int length() {
        return len;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    void varint(int field, long value) {
        tag(field, VARINT);
        rawVarint(value);
    }

    void fixed64(int field, long value) {
        tag(field, FIXED64);
        room(8);
        for (int i = 0; i < 8; i++) {
            buf[len++] = (byte) (value >>> (8 * i));
        }
    }

    void fixed32(int field, int value) {
        tag(field, FIXED32);
        room(4);
        for (int i = 0; i < 4; i++) {
            buf[len++] = (byte) (value >>> (8 * i));
        }
    }

    void doubleValue(int field, double value) {
        fixed64(field, Double.doubleToRawLongBits(value));
    }

    void string(int field, String value) {
        bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    void bytes(int field, byte[] value) {
        tag(field, DELIMITED);
        rawVarint(value.length);
        raw(value);
    }

    /** Bytes already in wire format (a message's fields encoded once, such as the resource). */
    void raw(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, buf, len, value.length);
        len += value.length;
    }

    /** Opens a nested message as field {@code field}. */
    void begin(int field) {
        tag(field, DELIMITED);
        if (depth == starts.length) {
            starts = Arrays.copyOf(starts, depth * 2);
        }
        room(1);
        buf[len++] = 0; // the length, if it fits in one byte
        starts[depth++] = len;
    }

    /** Closes the message opened last, writing its length. */
    void end() {
        int start = starts[--depth];
        int size = len - start;
        int extra = varintSize(size) - 1;
        if (extra > 0) {
            room(extra);
            System.arraycopy(buf, start, buf, start + extra, size);
            len += extra;
        }
        int at = start - 1;
        long v = size;
        while ((v & ~0x7FL) != 0) {
            buf[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[at] = (byte) v;
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long v) {
        room(10);
        while ((v & ~0x7FL) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    private static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }
}
