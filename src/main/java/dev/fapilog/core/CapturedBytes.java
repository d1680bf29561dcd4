package dev.fapilog.core;

/**
 * The first bytes of a {@code byte[]}, copied on the caller thread; written as base64.
 *
 * @param bytes the bytes kept (at most the binary cap)
 * @param originalLength the length of the original array
 */
record CapturedBytes(byte[] bytes, int originalLength) {

    public boolean truncated() {
        return bytes.length < originalLength;
    }

    @Override
    public String toString() {
        return "byte[" + originalLength + "]";
    }
}
