package dev.fapilog.spi;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader for sinks that need the structure of the envelopes they get as lines (the {@code otlp}
 * sink maps each field, {@code loki} takes labels from fields), and for reading fapilog's output back in tests
 * ({@code dev.fapilog.testing.JsonReader}). Objects become {@code LinkedHashMap}s (keys in document order; a duplicate
 * key is an error), arrays {@code ArrayList}s, numbers {@code Long} when integral and in range, else {@code Double}
 * ({@code BigDecimal} beyond either), and {@code true}/{@code false}/{@code null} their Java counterparts. Strings
 * without escapes are decoded in one step, which is what makes reading a line back cheap.
 *
 * <p>Stateless for its callers and thread-safe. Malformed input, unescaped control characters and nesting deeper than
 * {@value #MAX_DEPTH} throw {@link IllegalArgumentException} with the byte position; nothing loops or recurses
 * without bound.
 */
public final class JsonText {
    public static final int MAX_DEPTH = 512;

    private final byte[] in;
    private int pos;
    private final int end;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream(64);

    private JsonText(byte[] in, int start, int end) {
        this.in = in;
        this.pos = start;
        this.end = end;
    }

    /**
     * The value in the UTF-8 bytes {@code in[start, end)}; white space around it is allowed, anything else is not.
     *
     * @throws IllegalArgumentException with the byte position of the first error
     */
    public static Object parse(byte[] in, int start, int end) {
        JsonText t = new JsonText(in, start, end);
        Object v = t.value(0);
        t.space();
        if (t.pos != end) {
            throw t.error("text after the value");
        }
        return v;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        space();
        if (pos >= end) {
            throw error("end of input");
        }
        switch (in[pos]) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (in[pos] == '-' || (in[pos] >= '0' && in[pos] <= '9')) {
                    return number();
                }
                throw error("a value");
        }
    }

    /** The value of a whole text. */
    public static Object parse(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        return parse(utf8, 0, utf8.length);
    }

    private Map<String, Object> object(int depth) {
        pos++;
        Map<String, Object> out = new LinkedHashMap<>();
        space();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw error("a key");
            }
            String key = string();
            space();
            expect(':');
            int before = out.size();
            out.put(key, value(depth + 1));
            if (out.size() == before) {
                throw error("no duplicate key '" + key + "'");
            }
            space();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return out;
            }
        }
    }

    private List<Object> array(int depth) {
        pos++;
        List<Object> out = new ArrayList<>();
        space();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            out.add(value(depth + 1));
            space();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return out;
            }
        }
    }

    private String string() {
        pos++; // the opening quote
        int start = pos;
        int p = pos;
        while (p < end && in[p] != '"' && in[p] != '\\' && (in[p] < 0 || in[p] >= 0x20)) {
            p++;
        }
        if (p < end && in[p] == '"') { // no escape: the common case, decoded in one step
            pos = p + 1;
            return new String(in, start, p - start, StandardCharsets.UTF_8);
        }
        text.reset();
        text.write(in, start, p - start);
        pos = p;
        while (true) {
            if (pos >= end) {
                throw error("an unterminated string");
            }
            byte b = in[pos++];
            if (b == '"') {
                return text.toString(StandardCharsets.UTF_8);
            }
            if (b >= 0 && b < 0x20) {
                throw error("no unescaped control character");
            }
            if (b != '\\') {
                text.write(b);
                continue;
            }
            if (pos >= end) {
                throw error("an unterminated escape");
            }
            byte e = in[pos++];
            switch (e) {
                case 'n' -> text.write('\n');
                case 't' -> text.write('\t');
                case 'r' -> text.write('\r');
                case 'b' -> text.write('\b');
                case 'f' -> text.write('\f');
                case 'u' -> unicodeEscape();
                case '"', '\\', '/' -> text.write(e);
                default -> throw error("a valid escape, not \\" + (char) e);
            }
        }
    }

    private void unicodeEscape() {
        int c = hex4();
        if (Character.isHighSurrogate((char) c) && pos + 6 <= end && in[pos] == '\\' && in[pos + 1] == 'u') {
            int save = pos;
            pos += 2;
            int low = hex4();
            if (Character.isLowSurrogate((char) low)) {
                text.writeBytes(new String(new char[] {(char) c, (char) low}).getBytes(StandardCharsets.UTF_8));
                return;
            }
            pos = save;
        }
        text.writeBytes(String.valueOf((char) c).getBytes(StandardCharsets.UTF_8));
    }

    private int hex4() {
        if (pos + 4 > end) {
            throw error("a \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(in[pos++], 16);
            if (d < 0) {
                throw error("a hex digit");
            }
            v = v * 16 + d;
        }
        return v;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        digits();
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
        }
        String n = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        if (integral) {
            try {
                return Long.parseLong(n);
            } catch (NumberFormatException beyondLong) {
                return new BigDecimal(n);
            }
        }
        double d = Double.parseDouble(n);
        return Double.isInfinite(d) ? new BigDecimal(n) : d;
    }

    private void digits() {
        int start = pos;
        while (pos < end && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("a digit");
        }
    }

    private Object literal(String word, Object value) {
        for (int i = 0; i < word.length(); i++) {
            if (pos + i >= end || in[pos + i] != word.charAt(i)) {
                throw error(word);
            }
        }
        pos += word.length();
        return value;
    }

    private void space() {
        while (pos < end && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
    }

    private int peek() {
        return pos < end ? in[pos] : -1;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("Invalid JSON at byte " + pos + ": expected " + expected);
    }
}
