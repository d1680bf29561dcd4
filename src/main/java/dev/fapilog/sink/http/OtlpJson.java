package dev.fapilog.sink.http;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * OTLP/HTTP {@code http/json}: the same request as {@link OtlpProtobuf} in the protobuf JSON mapping as OTLP
 * specifies it: lowerCamelCase field names, 64-bit integers as strings, enums as numbers, trace and span ids as hex.
 */
final class OtlpJson {
    private static final HexFormat HEX = HexFormat.of();
    private final StringBuilder out = new StringBuilder(8192);
    private final String resource;

    OtlpJson(Map<String, Object> resourceAttributes) {
        this.resource = attributes(new StringBuilder(), resourceAttributes).toString();
    }

    byte[] encode(Map<String, List<OtlpRecord>> scopes) {
        out.setLength(0);
        out.append("{\"resourceLogs\":[{\"resource\":{\"attributes\":")
                .append(resource)
                .append("},\"scopeLogs\":[");
        boolean firstScope = true;
        for (Map.Entry<String, List<OtlpRecord>> scope : scopes.entrySet()) {
            if (!firstScope) {
                out.append(',');
            }
            firstScope = false;
            out.append("{\"scope\":{\"name\":");
            string(out, scope.getKey());
            out.append("},\"logRecords\":[");
            boolean first = true;
            for (OtlpRecord r : scope.getValue()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                record(r);
            }
            out.append("]}");
        }
        out.append("]}]}");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void record(OtlpRecord r) {
        out.append("{\"timeUnixNano\":\"").append(Long.toUnsignedString(r.timeNanos()));
        out.append("\",\"observedTimeUnixNano\":\"").append(Long.toUnsignedString(r.timeNanos()));
        out.append("\",\"severityNumber\":").append(r.severity());
        out.append(",\"severityText\":");
        string(out, r.severityText());
        out.append(",\"body\":{\"stringValue\":");
        string(out, r.body());
        out.append("},\"attributes\":");
        attributes(out, r.attributes());
        if (r.traceId() != null) {
            out.append(",\"traceId\":\"").append(HEX.formatHex(r.traceId())).append('"');
        }
        if (r.spanId() != null) {
            out.append(",\"spanId\":\"").append(HEX.formatHex(r.spanId())).append('"');
        }
        out.append('}');
    }

    private static StringBuilder attributes(StringBuilder out, Map<String, Object> attributes) {
        out.append('[');
        boolean first = true;
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append("{\"key\":");
            string(out, a.getKey());
            out.append(",\"value\":");
            anyValue(out, a.getValue());
            out.append('}');
        }
        return out.append(']');
    }

    @SuppressWarnings("unchecked")
    private static void anyValue(StringBuilder out, Object v) {
        if (v instanceof Boolean b) {
            out.append("{\"boolValue\":").append(b).append('}');
        } else if (v instanceof Long l) {
            out.append("{\"intValue\":\"").append(l).append("\"}");
        } else if (v instanceof Double d) {
            out.append("{\"doubleValue\":").append(d).append('}');
        } else if (v instanceof List) {
            out.append("{\"arrayValue\":{\"values\":[");
            boolean first = true;
            for (Object item : (List<Object>) v) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                anyValue(out, item);
            }
            out.append("]}}");
        } else if (v instanceof Map) {
            out.append("{\"kvlistValue\":{\"values\":");
            attributes(out, (Map<String, Object>) v);
            out.append("}}");
        } else if (v == null) {
            out.append("{}");
        } else {
            out.append("{\"stringValue\":");
            string(out, v.toString());
            out.append('}');
        }
    }

    /** A JSON string; the text comes from our own envelope, so only the JSON escapes are needed. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
