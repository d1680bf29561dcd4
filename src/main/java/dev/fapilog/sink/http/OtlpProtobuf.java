package dev.fapilog.sink.http;

import java.util.List;
import java.util.Map;

/**
 * OTLP/HTTP {@code http/protobuf}: an {@code ExportLogsServiceRequest} (opentelemetry-proto, logs v1) with one
 * {@code ResourceLogs}, one {@code ScopeLogs} per logger, written field by field with {@link ProtoWriter}. Field
 * numbers are the proto files'; the tests decode every request with the official classes.
 */
final class OtlpProtobuf {
    private final ProtoWriter out = new ProtoWriter();
    private final byte[] resource;

    /** @param resourceAttributes the resource's attributes, encoded once here */
    OtlpProtobuf(Map<String, Object> resourceAttributes) {
        ProtoWriter w = new ProtoWriter();
        for (Map.Entry<String, Object> a : resourceAttributes.entrySet()) {
            keyValue(w, 1, a.getKey(), a.getValue()); // Resource.attributes
        }
        this.resource = w.toByteArray();
    }

    /** The request for {@code scopes}: each entry a logger's records, in order. */
    byte[] encode(Map<String, List<OtlpRecord>> scopes) {
        out.reset();
        out.begin(1); // ExportLogsServiceRequest.resource_logs
        out.begin(1); // ResourceLogs.resource
        out.raw(resource);
        out.end();
        for (Map.Entry<String, List<OtlpRecord>> scope : scopes.entrySet()) {
            out.begin(2); // ResourceLogs.scope_logs
            out.begin(1); // ScopeLogs.scope
            out.string(1, scope.getKey()); // InstrumentationScope.name
            out.end();
            for (OtlpRecord r : scope.getValue()) {
                record(r);
            }
            out.end();
        }
        out.end();
        return out.toByteArray();
    }

    private void record(OtlpRecord r) {
        out.begin(2); // ScopeLogs.log_records
        out.fixed64(1, r.timeNanos()); // time_unix_nano
        out.varint(2, r.severity()); // severity_number
        out.string(3, r.severityText()); // severity_text
        out.begin(5); // body
        out.string(1, r.body()); // AnyValue.string_value
        out.end();
        for (Map.Entry<String, Object> a : r.attributes().entrySet()) {
            keyValue(out, 6, a.getKey(), a.getValue()); // attributes
        }
        if (r.traceId() != null) {
            out.bytes(9, r.traceId());
        }
        if (r.spanId() != null) {
            out.bytes(10, r.spanId());
        }
        out.fixed64(11, r.timeNanos()); // observed_time_unix_nano
        out.end();
    }

    private static void keyValue(ProtoWriter w, int field, String key, Object value) {
        w.begin(field);
        w.string(1, key); // KeyValue.key
        w.begin(2); // KeyValue.value
        anyValue(w, value);
        w.end();
        w.end();
    }

    /** The fields of an {@code AnyValue}; {@code null} leaves it empty (no value set). */
    @SuppressWarnings("unchecked")
    private static void anyValue(ProtoWriter w, Object v) {
        if (v instanceof String s) {
            w.string(1, s);
        } else if (v instanceof Boolean b) {
            w.varint(2, b ? 1 : 0);
        } else if (v instanceof Long l) {
            w.varint(3, l);
        } else if (v instanceof Double d) {
            w.doubleValue(4, d);
        } else if (v instanceof List) {
            w.begin(5); // array_value
            for (Object item : (List<Object>) v) {
                w.begin(1); // ArrayValue.values
                anyValue(w, item);
                w.end();
            }
            w.end();
        } else if (v instanceof Map) {
            w.begin(6); // kvlist_value
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                keyValue(w, 1, e.getKey(), e.getValue()); // KeyValueList.values
            }
            w.end();
        } else if (v != null) {
            w.string(1, v.toString());
        }
    }
}
