package dev.fapilog.sink.http;

import dev.fapilog.spi.JsonText;
import dev.fapilog.spi.SinkBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loki's push format: {@code {"streams":[{"stream":{labels},"values":[["<unix ns>","<line>"],...]}]}}, one stream per
 * distinct label set, the envelope line itself as each entry (so LogQL's {@code | json} reads every field) and its
 * capture time as the entry's timestamp. Labels are the static ones plus, per event, the values of
 * {@code label-keys}: {@code level}, {@code logger}, or a field path such as {@code context.tenant_id} or
 * {@code data.region}; names are sanitised to Prometheus label names, values to {@code [A-Za-z0-9_-]} and 128
 * characters (fapilog's rule), and an event without the field has no such label.
 */
final class LokiPayload implements HttpPayload {
    private static final byte[] TIMESTAMP_KEY = "\"timestamp\":\"".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_LABEL_VALUE = 128;

    private final Map<String, String> staticLabels;
    private final List<String> labelKeys;
    private final boolean needsEnvelope;

    LokiPayload(Map<String, String> staticLabels, List<String> labelKeys) {
        Map<String, String> labels = new TreeMap<>();
        staticLabels.forEach((k, v) -> labels.put(labelName(k), labelValue(v)));
        this.staticLabels = labels;
        this.labelKeys = List.copyOf(labelKeys);
        this.needsEnvelope = labelKeys.stream().anyMatch(k -> !k.equals("level"));
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public byte[] encode(SinkBatch batch, int from, int to) {
        Map<Map<String, String>, List<Integer>> streams = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            streams.computeIfAbsent(labelsOf(batch, i), l -> new ArrayList<>()).add(i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.lineEnd(to - 1) - batch.lineStart(from) + 256);
        ascii(out, "{\"streams\":[");
        boolean firstStream = true;
        for (Map.Entry<Map<String, String>, List<Integer>> s : streams.entrySet()) {
            if (!firstStream) {
                out.write(',');
            }
            firstStream = false;
            ascii(out, "{\"stream\":{");
            boolean firstLabel = true;
            for (Map.Entry<String, String> l : s.getKey().entrySet()) {
                if (!firstLabel) {
                    out.write(',');
                }
                firstLabel = false;
                ascii(out, "\"" + l.getKey() + "\":\"" + l.getValue() + "\""); // both sanitised to plain ASCII
            }
            ascii(out, "},\"values\":[");
            boolean firstEntry = true;
            for (int i : s.getValue()) {
                if (!firstEntry) {
                    out.write(',');
                }
                firstEntry = false;
                ascii(out, "[\"" + timestampNanos(batch, i) + "\",\"");
                escapedLine(batch, i, out);
                ascii(out, "\"]");
            }
            ascii(out, "]}");
        }
        ascii(out, "]}");
        return out.toByteArray();
    }

    private Map<String, String> labelsOf(SinkBatch batch, int i) {
        Map<String, String> labels = new TreeMap<>(staticLabels);
        Map<String, Object> log = null;
        if (needsEnvelope) {
            try {
                log = section(JsonText.parse(batch.array(), batch.lineStart(i), batch.lineEnd(i) - 1), "log");
            } catch (RuntimeException unreadable) {
                // never with the runtime's encoder; the event then has the static labels and its level only
            }
        }
        for (String key : labelKeys) {
            Object v = key.equals("level") ? batch.level(i).name() : log == null ? null : valueAt(log, key);
            if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                labels.put(labelName(key.substring(key.lastIndexOf('.') + 1)), labelValue(v.toString()));
            }
        }
        return labels;
    }

    private static Object valueAt(Map<String, Object> log, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return log.get(path);
        }
        return section(log, path.substring(0, dot)).get(path.substring(dot + 1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Object parent, String name) {
        Object v = parent instanceof Map ? ((Map<String, Object>) parent).get(name) : null;
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    /** The envelope's timestamp (written first in {@code log}) in Unix nanoseconds as text; now if it is missing. */
    private static String timestampNanos(SinkBatch batch, int i) {
        byte[] a = batch.array();
        int end = batch.lineEnd(i);
        int at = indexOf(a, batch.lineStart(i), Math.min(end, batch.lineStart(i) + 96), TIMESTAMP_KEY);
        Instant t = Instant.now();
        if (at >= 0) {
            int start = at + TIMESTAMP_KEY.length;
            int q = start;
            while (q < end && a[q] != '"') {
                q++;
            }
            try {
                t = Instant.parse(new String(a, start, q - start, StandardCharsets.US_ASCII));
            } catch (RuntimeException unreadable) {
                // keep now: Loki needs a timestamp, and the line still carries the original text
            }
        }
        return Long.toString(t.getEpochSecond() * 1_000_000_000L + t.getNano());
    }

    private static int indexOf(byte[] a, int from, int to, byte[] key) {
        outer:
        for (int i = from; i + key.length <= to; i++) {
            for (int k = 0; k < key.length; k++) {
                if (a[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The line as a JSON string's content. The envelope has no raw control characters (the encoder escapes them), so
     * only quotes and backslashes need escaping.
     */
    private static void escapedLine(SinkBatch batch, int i, ByteArrayOutputStream out) {
        byte[] a = batch.array();
        int end = batch.lineEnd(i) - 1; // without the '\n'
        int run = batch.lineStart(i);
        for (int p = run; p < end; p++) {
            byte b = a[p];
            if (b == '"' || b == '\\' || (b >= 0 && b < 0x20)) {
                out.write(a, run, p - run);
                if (b == '"' || b == '\\') {
                    out.write('\\');
                    out.write(b);
                } else {
                    ascii(out, String.format("\\u%04x", b));
                }
                run = p + 1;
            }
        }
        out.write(a, run, end - run);
    }

    /** A Prometheus label name: letters, digits and underscores, not starting with a digit. */
    static String labelName(String key) {
        StringBuilder b = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
            b.append(ok ? c : '_');
        }
        return b.length() == 0 ? "_" : b.toString();
    }

    /** A label value in {@code [A-Za-z0-9_-]}, at most {@value #MAX_LABEL_VALUE} characters. */
    static String labelValue(String value) {
        StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_LABEL_VALUE));
        for (int i = 0; i < value.length() && b.length() < MAX_LABEL_VALUE; i++) {
            char c = value.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
