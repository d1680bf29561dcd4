package dev.fapilog.core;

import java.util.UUID;

/**
 * Writes JSON tokens as UTF-8 into a {@link ByteBuf}. Escaping is strict so that any viewer and any parser sees one
 * event per line and nothing a terminal would act on:
 *
 * <ul>
 *   <li>{@code "} and {@code \}, and every C0 control character ({@code \b \t \n \f \r} short forms, {@code \}{@code
 *       u00XX} otherwise);
 *   <li>DEL (U+007F) and the C1 controls U+0080 to U+009F;
 *   <li>the line and paragraph separators U+2028 and U+2029;
 *   <li>bidirectional overrides and isolates (U+202A to U+202E, U+2066 to U+2069), zero-width characters (U+200B to
 *       U+200F) and the byte-order mark U+FEFF, which can disguise text in a viewer;
 *   <li>a lone surrogate (a high one without its low half, or a low one alone) is replaced by U+FFFD, so the output is
 *       always valid UTF-8.
 * </ul>
 *
 * Strings are cut at a length cap without splitting a surrogate pair, and the cut is marked with
 * {@link Markers#truncationSuffix(int)}. Nothing here allocates.
 */
final class JsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** For ASCII: 0 = write as is; otherwise the escape character after the backslash, or 'u' for \\u00XX. */
    private static final byte[] ASCII_ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ASCII_ESCAPE[c] = 'u';
        }
        ASCII_ESCAPE['\b'] = 'b';
        ASCII_ESCAPE['\t'] = 't';
        ASCII_ESCAPE['\n'] = 'n';
        ASCII_ESCAPE['\f'] = 'f';
        ASCII_ESCAPE['\r'] = 'r';
        ASCII_ESCAPE['"'] = '"';
        ASCII_ESCAPE['\\'] = '\\';
        ASCII_ESCAPE[0x7F] = 'u';
    }

    private JsonWriter() {}

    /** Writes a quoted, escaped string, cut at {@code maxChars}. */
    public static void string(ByteBuf out, CharSequence s, int maxChars) {
        out.put((byte) '"');
        int length = s.length();
        if (length <= maxChars) {
            chars(out, s, 0, length);
        } else {
            String suffix = Markers.truncationSuffix(length);
            chars(out, s, 0, Markers.keep(s, maxChars, suffix));
            chars(out, suffix, 0, suffix.length());
        }
        out.put((byte) '"');
    }

    /** Writes a quoted string known to need no escaping (ASCII letters, digits, punctuation other than quotes). */
    public static void plainString(ByteBuf out, String s) {
        out.put((byte) '"');
        out.putAscii(s);
        out.put((byte) '"');
    }

    /** Writes {@code "key":}. */
    public static void key(ByteBuf out, CharSequence key, int maxChars) {
        string(out, key, maxChars);
        out.put((byte) ':');
    }

    /** Writes {@code "key":} for a key known to be plain ASCII. */
    public static void plainKey(ByteBuf out, String key) {
        plainString(out, key);
        out.put((byte) ':');
    }

    /** The escaped characters of {@code s[from, to)}, without quotes. */
    public static void chars(ByteBuf out, CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            i = out.putPlain(s, i, to, ASCII_ESCAPE); // the common case: a run that needs no escaping
            if (i == to) {
                return;
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                byte esc = ASCII_ESCAPE[c]; // never 0 here: putPlain stopped at this character
                if (esc == 'u') {
                    unicodeEscape(out, c);
                } else {
                    out.put((byte) '\\', esc);
                }
            } else if (c < 0x800) {
                if (c <= 0x9F) {
                    unicodeEscape(out, c); // C1 controls
                } else {
                    out.put((byte) (0xC0 | (c >> 6)), (byte) (0x80 | (c & 0x3F)));
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    out.ensure(4);
                    out.put((byte) (0xF0 | (cp >> 18)), (byte) (0x80 | ((cp >> 12) & 0x3F)));
                    out.put((byte) (0x80 | ((cp >> 6) & 0x3F)), (byte) (0x80 | (cp & 0x3F)));
                } else {
                    replacement(out); // lone surrogate
                }
            } else if (needsUnicodeEscape(c)) {
                unicodeEscape(out, c);
            } else {
                out.ensure(3);
                out.put((byte) (0xE0 | (c >> 12)));
                out.put((byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    /** Line/paragraph separators, bidi controls, zero-width characters and the BOM. */
    public static boolean needsUnicodeEscape(char c) {
        return (c >= 0x200B && c <= 0x200F)
                || (c >= 0x2028 && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFEFF;
    }

    private static void unicodeEscape(ByteBuf out, char c) {
        out.ensure(6);
        out.put((byte) '\\', (byte) 'u');
        out.put(HEX[(c >> 12) & 0xF], HEX[(c >> 8) & 0xF]);
        out.put(HEX[(c >> 4) & 0xF], HEX[c & 0xF]);
    }

    private static void replacement(ByteBuf out) {
        out.ensure(3);
        out.put((byte) 0xEF);
        out.put((byte) 0xBF, (byte) 0xBD);
    }

    public static void number(ByteBuf out, long v) {
        out.putLong(v);
    }

    /**
     * A double; NaN and the infinities become the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
     * Finite values use {@code Double.toString}'s shortest round-trip form ({@code 1.0E10} is valid JSON), formatted
     * into {@code scratch} (reused by the caller) so that no {@code String} is made per number.
     */
    public static void number(ByteBuf out, double v, StringBuilder scratch) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            plainString(out, Double.toString(v));
            return;
        }
        scratch.setLength(0);
        scratch.append(v);
        ascii(out, scratch);
    }

    /** A float, like {@link #number(ByteBuf, double, StringBuilder)}. */
    public static void number(ByteBuf out, float v, StringBuilder scratch) {
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            plainString(out, Float.toString(v));
            return;
        }
        scratch.setLength(0);
        scratch.append(v);
        ascii(out, scratch);
    }

    private static void ascii(ByteBuf out, CharSequence s) {
        int n = s.length();
        out.ensure(n);
        for (int i = 0; i < n; i++) {
            out.put((byte) s.charAt(i));
        }
    }

    public static void bool(ByteBuf out, boolean v) {
        out.putAscii(v ? "true" : "false");
    }

    public static void nullValue(ByteBuf out) {
        out.putAscii("null");
    }

    /** Writes a UUID as a quoted string without allocating. */
    public static void uuid(ByteBuf out, long msb, long lsb) {
        out.ensure(38);
        out.put((byte) '"');
        hex(out, msb >>> 32, 8);
        out.put((byte) '-');
        hex(out, msb >>> 16, 4);
        out.put((byte) '-');
        hex(out, msb, 4);
        out.put((byte) '-');
        hex(out, lsb >>> 48, 4);
        out.put((byte) '-');
        hex(out, lsb, 12);
        out.put((byte) '"');
    }

    public static void uuid(ByteBuf out, UUID id) {
        uuid(out, id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    private static void hex(ByteBuf out, long v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.put(HEX[(int) ((v >>> shift) & 0xF)]);
        }
    }
}
