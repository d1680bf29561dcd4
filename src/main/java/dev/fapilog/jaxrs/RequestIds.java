package dev.fapilog.jaxrs;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Correlation ids: the caller's, when it is acceptable, else a new time-ordered UUID (RFC 9562 version 7). A header is
 * untrusted input, so an id is accepted only if it is 1 to 128 characters of {@code A-Z a-z 0-9 . _ ~ : + / = -}:
 * nothing that could break a log line, a header echo, or a downstream parser. Thread-safe; no lock.
 */
final class RequestIds {
    static final int MAX_LENGTH = 128;

    private RequestIds() {}

    /** {@code candidate} if acceptable, else {@code null}. */
    static String accept(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == ':'
                    || c == '+'
                    || c == '/'
                    || c == '='
                    || c == '-';
            if (!ok) {
                return null;
            }
        }
        return candidate;
    }

    /** A new UUID version 7 in its canonical text form. */
    static String newId() {
        long millis = System.currentTimeMillis();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new java.util.UUID(msb, lsb).toString();
    }
}
