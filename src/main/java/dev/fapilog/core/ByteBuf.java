package dev.fapilog.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array reused across events, so that encoding allocates nothing once it has grown to its working
 * size. Not thread-safe: one owner at a time.
 */
final class ByteBuf {
    private byte[] bytes;
    private int length;

    public ByteBuf(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    public byte[] array() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** Forgets the content, keeps the memory. */
    public void reset() {
        length = 0;
    }

    /** Cuts the content back to {@code newLength} (used to undo a partly written event). */
    public void truncate(int newLength) {
        length = newLength;
    }

    /** Empties the buffer and lets go of its memory if it grew beyond {@code maxCapacity} bytes. */
    public void shrink(int maxCapacity) {
        length = 0;
        if (bytes.length > maxCapacity) {
            bytes = new byte[maxCapacity];
        }
    }

    /** Makes room for {@code extra} more bytes. */
    public void ensure(int extra) {
        int needed = length + extra;
        if (needed > bytes.length) {
            int grown = Math.max(needed, bytes.length << 1);
            bytes = Arrays.copyOf(bytes, grown < 0 ? Integer.MAX_VALUE - 8 : grown);
        }
    }

    public void put(byte b) {
        if (length == bytes.length) {
            ensure(1);
        }
        bytes[length++] = b;
    }

    /** Two bytes at once (common in escapes). */
    public void put(byte a, byte b) {
        ensure(2);
        bytes[length++] = a;
        bytes[length++] = b;
    }

    public void put(byte[] src) {
        put(src, 0, src.length);
    }

    public void put(byte[] src, int offset, int count) {
        ensure(count);
        System.arraycopy(src, offset, bytes, length, count);
        length += count;
    }

    /**
     * Copies characters from {@code s}, starting at {@code from}, for as long as they are ASCII and {@code plain[c]} is
     * {@code 0}; returns the index of the first character it did not copy (or {@code to}). The loop keeps the array and
     * the length in locals: the hot part of JSON encoding, about twice as fast as a {@link #put(byte)} per character.
     */
    int putPlain(CharSequence s, int from, int to, byte[] plain) {
        ensure(to - from);
        byte[] b = bytes;
        int n = length;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c >= 0x80 || plain[c] != 0) {
                break;
            }
            b[n++] = (byte) c;
            i++;
        }
        length = n;
        return i;
    }

    /** Writes characters known to be ASCII (no checks, no escaping). */
    public void putAscii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    /** Writes a non-negative or negative integer in decimal, without allocating. */
    public void putLong(long v) {
        if (v == Long.MIN_VALUE) {
            putAscii("-9223372036854775808");
            return;
        }
        ensure(20);
        if (v < 0) {
            bytes[length++] = '-';
            v = -v;
        }
        int digits = digits(v);
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        length = end;
    }

    /** Writes {@code v} with exactly {@code width} digits, zero-padded ({@code v} must fit). */
    public void putPadded(int v, int width) {
        ensure(width);
        for (int i = length + width - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        length += width;
    }

    private static int digits(long v) {
        int d = 1;
        while (v >= 10) {
            v /= 10;
            d++;
        }
        return d;
    }

    /** The content as a UTF-8 string (allocates; for diagnostics and tests). */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
