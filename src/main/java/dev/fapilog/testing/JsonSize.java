package dev.fapilog.testing;

import java.util.Collection;
import java.util.Map;

/** A plain JSON rendering of test values, only for {@link TestEvent#encodedSize()}: strings, numbers, maps, lists. */
final class JsonSize {
    private JsonSize() {}

    static void append(StringBuilder out, Object v) {
        if (v == null || v instanceof Boolean || v instanceof Number) {
            out.append(v);
        } else if (v instanceof Map<?, ?>) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                out.append(first ? "" : ",");
                append(out, String.valueOf(e.getKey()));
                out.append(':');
                append(out, e.getValue());
                first = false;
            }
            out.append('}');
        } else if (v instanceof Collection<?>) {
            out.append('[');
            boolean first = true;
            for (Object x : (Collection<?>) v) {
                out.append(first ? "" : ",");
                append(out, x);
                first = false;
            }
            out.append(']');
        } else {
            out.append('"');
            String s = v.toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
