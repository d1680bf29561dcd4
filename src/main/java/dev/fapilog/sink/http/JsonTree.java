package dev.fapilog.sink.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value from UTF-8 bytes into plain Java values: {@code Map<String, Object>} (insertion order),
 * {@code List<Object>}, {@code String}, {@code Long} (integers that fit), {@code Double} (other numbers),
 * {@code Boolean} and {@code null}. It reads the envelopes the encoder wrote, so it is small rather than lenient, but
 * it never loops or recurses without bound on other input: nesting deeper than {@link #MAX_DEPTH} and malformed text
 * throw {@link IllegalArgumentException}.
 */
final class JsonTree {
    static final int MAX_DEPTH = 128;

    private final byte[] in;
    private int pos;
    private final int end;
    private final ByteArrayOutputStream text = new ByteArrayOutputStream(64);

    private JsonTree(byte[] in, int start, int end) {
        this.in = in;
        this.pos = start;
        this.end = end;
    }

    /** The value in {@code in[start, end)}; trailing white space is allowed, anything else after it is not. */
    static Object parse(byte[] in, int start, int end) {
        JsonTree t = new JsonTree(in, start, end);
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
                return number();
        }
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
            out.put(key, value(depth + 1));
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
        while (p < end && in[p] != '"' && in[p] != '\\') {
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
                default -> text.write(e); // \" \\ \/
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
        boolean integral = true;
        while (pos < end) {
            byte b = in[pos];
            if (b == '.' || b == 'e' || b == 'E') {
                integral = false;
            } else if (!(b == '-' || b == '+' || (b >= '0' && b <= '9'))) {
                break;
            }
            pos++;
        }
        if (start == pos) {
            throw error("a value");
        }
        String s = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        try {
            if (integral) {
                return Long.parseLong(s);
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException bad) {
            if (integral) {
                try {
                    return Double.parseDouble(s); // an integer beyond 64 bits
                } catch (NumberFormatException worse) {
                    // reported below
                }
            }
            throw error("a number");
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
        return new IllegalArgumentException("expected " + expected + " at byte " + pos);
    }
}
