package dev.fapilog.core;

/**
 * The placeholders written where a value was cut, hidden or could not be read. They are plain strings so that every
 * JSON reader shows them; their shapes are documented in {@code docs/reference/envelope.md}.
 */
final class Markers {
    /** Replaces a {@code char[]}: such arrays usually hold passwords, so their content is never written. */
    public static final String CHAR_ARRAY = "[char[] hidden]";
    /** Replaces a value nested deeper than the depth cap. */
    public static final String MAX_DEPTH = "[max depth]";

    private Markers() {}

    /** Appended to a string cut at the length cap: {@code …[truncated, 1048576 chars]}. */
    public static String truncationSuffix(int originalLength) {
        return "…[truncated, " + originalLength + " chars]";
    }

    /** Replaces a container that contains itself (by identity) further up. */
    public static String circular(Object value) {
        return "[circular reference: " + value.getClass().getName() + "]";
    }

    /** Replaces a value whose {@code toString()} or accessor threw. */
    public static String threw(String what, Class<?> type, Throwable failure) {
        return "[" + what + " threw " + failure.getClass().getName() + " for " + type.getName() + "]";
    }

    /**
     * Where to cut {@code s} so that at most {@code max} chars remain and no surrogate pair is split.
     *
     * @return the cut position, {@code <= max}
     */
    public static int safeCut(CharSequence s, int max) {
        if (max <= 0) {
            return 0;
        }
        if (max < s.length() && Character.isHighSurrogate(s.charAt(max - 1))) {
            return max - 1;
        }
        return Math.min(max, s.length());
    }

    /**
     * {@code s} itself when it fits, else its first chars and the truncation suffix, together no longer than
     * {@code max} (so capping twice, on the caller and again in the encoder, keeps the first marker).
     */
    public static String cap(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        String suffix = truncationSuffix(s.length());
        return s.substring(0, keep(s, max, suffix)) + suffix;
    }

    /** How many chars of {@code s} to keep so that they and {@code suffix} fit in {@code max}. */
    public static int keep(CharSequence s, int max, String suffix) {
        return safeCut(s, Math.max(1, max - suffix.length()));
    }
}
