package dev.fapilog.sink.http;

import dev.fapilog.Level;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One envelope as an OpenTelemetry log record (logs data model): the mapping lives here, the two wire encodings in
 * {@link OtlpProtobuf} and {@link OtlpJson}.
 *
 * <ul>
 *   <li>timestamp and observed time: the capture time (the log call is where the event is observed);
 *   <li>severity: {@link #severityOf(Level)}; severity text: the level's name;
 *   <li>body: the message; the logger's name is the instrumentation scope;
 *   <li>attributes: every {@code context} entry ({@code message_id} as {@code log.record.uid}), {@code trace_id} and
 *       {@code span_id} into the record's own fields when they are valid ids, the thread as {@code thread.name}, the
 *       exception as {@code exception.type}, {@code exception.message} and {@code exception.stacktrace}, other
 *       diagnostics under their names (the runtime facts are the resource's, not repeated), then every {@code data}
 *       entry; nested values stay maps and arrays, numbers and booleans stay typed; {@code null} entries are left out.
 * </ul>
 */
record OtlpRecord(
        String scope,
        long timeNanos,
        int severity,
        String severityText,
        String body,
        Map<String, Object> attributes,
        byte[] traceId,
        byte[] spanId) {

    /** Diagnostics entries that the resource carries (from the runtime-info enricher). */
    private static final List<String> RESOURCE_FACTS = List.of("service", "env", "version", "host", "pid", "jvm");

    /** The record for one envelope line, already parsed; {@code level} is the event's level object. */
    @SuppressWarnings("unchecked")
    static OtlpRecord of(Map<String, Object> envelope, Level level) {
        Map<String, Object> log = map(envelope.get("log"));
        Map<String, Object> attributes = new LinkedHashMap<>();
        byte[] traceId = null;
        byte[] spanId = null;
        for (Map.Entry<String, Object> e : map(log.get("context")).entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (key.equals("trace_id") && (traceId = id(v, 16)) != null) {
                continue;
            }
            if (key.equals("span_id") && (spanId = id(v, 8)) != null) {
                continue;
            }
            attributes.put(key.equals("message_id") ? "log.record.uid" : key, v);
        }
        for (Map.Entry<String, Object> e : map(log.get("diagnostics")).entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (v == null || key.equals("origin") || RESOURCE_FACTS.contains(key)) {
                continue;
            }
            if (key.equals("thread")) {
                attributes.put("thread.name", v);
            } else if (key.equals("exception") && v instanceof Map) {
                Map<String, Object> x = (Map<String, Object>) v;
                attributes.put("exception.type", x.get("type"));
                if (x.get("message") != null) {
                    attributes.put("exception.message", x.get("message"));
                }
                StringBuilder trace = new StringBuilder();
                stackTrace(x, "", "", trace);
                attributes.put("exception.stacktrace", trace.toString());
            } else {
                attributes.put(key, v);
            }
        }
        for (Map.Entry<String, Object> e : map(log.get("data")).entrySet()) {
            if (e.getValue() != null) {
                attributes.put(e.getKey(), e.getValue());
            }
        }
        long nanos = epochNanos(String.valueOf(log.get("timestamp")));
        Object message = log.get("message");
        return new OtlpRecord(
                String.valueOf(log.get("logger")),
                nanos,
                severityOf(level),
                level.name(),
                message == null ? "" : message.toString(),
                attributes,
                traceId,
                spanId);
    }

    /**
     * Unix nanoseconds of an RFC 3339 UTC time as the envelope writes it ({@code 2026-11-23T10:15:30.123456Z}, any
     * number of fraction digits up to nine), read without a formatter; anything else goes through {@link Instant#parse}.
     */
    static long epochNanos(String t) {
        int n = t.length();
        if (n >= 20
                && t.charAt(4) == '-'
                && t.charAt(7) == '-'
                && t.charAt(10) == 'T'
                && t.charAt(13) == ':'
                && t.charAt(16) == ':'
                && t.charAt(n - 1) == 'Z') {
            try {
                long days = java.time.LocalDate.of(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2))
                        .toEpochDay();
                long seconds = days * 86_400 + digits(t, 11, 2) * 3600L + digits(t, 14, 2) * 60L + digits(t, 17, 2);
                long fraction = 0;
                int scale = 1_000_000_000;
                if (n > 20 && t.charAt(19) == '.' && n - 21 <= 9) {
                    for (int i = 20; i < n - 1; i++) {
                        scale /= 10;
                        fraction += (long) digit(t.charAt(i)) * scale;
                    }
                } else if (n != 20) {
                    throw new NumberFormatException(t);
                }
                return seconds * 1_000_000_000L + fraction;
            } catch (RuntimeException unusual) {
                // fall through to the full parser
            }
        }
        Instant i = Instant.parse(t);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + digit(t.charAt(i));
        }
        return v;
    }

    private static int digit(char c) {
        if (c < '0' || c > '9') {
            throw new NumberFormatException(String.valueOf(c));
        }
        return c - '0';
    }

    /**
     * The OpenTelemetry severity number of a level: TRACE 1, DEBUG 5, INFO 9, WARNING 13, ERROR 17, CRITICAL 21 (FATAL);
     * AUDIT 12 (INFO4: information that must not be lost, not an error) and SECURITY 16 (WARN4). A custom level takes
     * the range of the built-in levels around its priority and the step within it nearest to its place (priority 25,
     * half-way from INFO to WARNING, is INFO3 = 11); above CRITICAL it is FATAL to FATAL4.
     */
    static int severityOf(Level level) {
        if (level == Level.AUDIT) {
            return 12;
        }
        if (level == Level.SECURITY) {
            return 16;
        }
        return severityOfPriority(level.priority());
    }

    /** The severity number of a level of priority {@code p} (0 to 99) by its place among the built-in levels. */
    static int severityOfPriority(int p) {
        int[] priorities = {5, 10, 20, 30, 40, 50};
        int[] numbers = {1, 5, 9, 13, 17, 21};
        if (p <= priorities[0]) {
            return 1;
        }
        for (int i = 0; i < priorities.length - 1; i++) {
            if (p < priorities[i + 1]) {
                return numbers[i] + (p - priorities[i]) * 4 / (priorities[i + 1] - priorities[i]);
            }
        }
        return Math.min(24, 21 + (p - 50) / 10);
    }

    /** Java's own layout: {@code type: message}, the frames, {@code ... N more}, causes and suppressed ones. */
    @SuppressWarnings("unchecked")
    private static void stackTrace(Map<String, Object> x, String caption, String indent, StringBuilder out) {
        out.append(indent).append(caption).append(x.get("type"));
        if (x.get("message") != null) {
            out.append(": ").append(x.get("message"));
        }
        if (Boolean.TRUE.equals(x.get("circular"))) {
            out.append(" [circular reference]");
        }
        out.append('\n');
        if (x.get("frames") instanceof List) {
            for (Object frame : (List<Object>) x.get("frames")) {
                out.append(indent).append("\tat ").append(frame).append('\n');
            }
        }
        if (x.get("frames_omitted") != null) {
            out.append(indent).append("\t... ").append(x.get("frames_omitted")).append(" more\n");
        }
        if (x.get("suppressed") instanceof List) {
            for (Object s : (List<Object>) x.get("suppressed")) {
                stackTrace(map(s), "Suppressed: ", indent + "\t", out);
            }
        }
        if (x.get("suppressed_omitted") != null) {
            out.append(indent)
                    .append("\t... ")
                    .append(x.get("suppressed_omitted"))
                    .append(" suppressed omitted\n");
        }
        if (x.get("cause") instanceof Map) {
            stackTrace(map(x.get("cause")), "Caused by: ", indent, out);
        }
        if (x.get("causes_omitted") != null) {
            out.append(indent).append("... ").append(x.get("causes_omitted")).append(" causes omitted\n");
        }
    }

    /** A trace or span id of {@code bytes} bytes written as hex, not all zero; {@code null} otherwise. */
    private static byte[] id(Object value, int bytes) {
        if (!(value instanceof String s) || s.length() != bytes * 2) {
            return null;
        }
        try {
            byte[] id = HexFormat.of().parseHex(s);
            for (byte b : id) {
                if (b != 0) {
                    return id;
                }
            }
            return null;
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }
}
