package dev.fapilog.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.JsonFormat;
import dev.fapilog.DrainResult;
import dev.fapilog.Level;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.support.TestRuntimes;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code otlp} sink against a receiver that decodes every request with the official {@code opentelemetry-proto}
 * classes ({@code http/protobuf}) and their JSON mapping ({@code http/json}), checking every field of the mapping.
 */
class OtlpSinkTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void stop() {
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver() throws Exception {
        Receiver r = new Receiver(0);
        receivers.add(r);
        return r;
    }

    static String endpoint(Receiver r) {
        return "http://127.0.0.1:" + r.port() + "/v1/logs";
    }

    /** Every request the receiver got, decoded by the official classes (protobuf or, by content type, JSON). */
    static List<ExportLogsServiceRequest> decoded(Receiver r) throws Exception {
        List<ExportLogsServiceRequest> out = new ArrayList<>();
        for (Receiver.Request req : r.requests) {
            if ("application/json".equals(req.header("Content-Type"))) {
                ExportLogsServiceRequest.Builder b = ExportLogsServiceRequest.newBuilder();
                // OTLP/JSON writes ids as hex where the generic protobuf mapping expects base64 (the OTLP
                // specification's one deviation); the collector converts them the same way.
                JsonFormat.parser().merge(hexIdsToBase64(req.body()), b);
                out.add(b.build());
            } else {
                assertThat(req.header("Content-Type")).isEqualTo("application/x-protobuf");
                out.add(ExportLogsServiceRequest.parseFrom(req.raw()));
            }
        }
        return out;
    }

    /** Every log record of every request, with its scope's name, in order. */
    static List<Map.Entry<String, LogRecord>> records(List<ExportLogsServiceRequest> requests) {
        List<Map.Entry<String, LogRecord>> out = new ArrayList<>();
        for (ExportLogsServiceRequest req : requests) {
            for (ResourceLogs rl : req.getResourceLogsList()) {
                for (ScopeLogs sl : rl.getScopeLogsList()) {
                    for (LogRecord lr : sl.getLogRecordsList()) {
                        out.add(Map.entry(sl.getScope().getName(), lr));
                    }
                }
            }
        }
        return out;
    }

    private static String hexIdsToBase64(String json) {
        Matcher m = Pattern.compile("\"(traceId|spanId)\":\"([0-9a-f]+)\"").matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String b64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(m.group(2)));
            m.appendReplacement(out, "\"" + m.group(1) + "\":\"" + b64 + "\"");
        }
        return m.appendTail(out).toString();
    }

    static Map<String, AnyValue> attributes(List<KeyValue> kvs) {
        Map<String, AnyValue> out = new LinkedHashMap<>();
        for (KeyValue kv : kvs) {
            assertThat(out.put(kv.getKey(), kv.getValue()))
                    .as("duplicate key " + kv.getKey())
                    .isNull();
        }
        return out;
    }

    private static void logTheSamples(Logger orders, Logger audit) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("sku", "A-1");
        nested.put("qty", 2);
        nested.put("tags", List.of("x", 3, true));
        try (LogContext.Scope s =
                LogContext.putAll(Map.of("request_id", "req-7", "user_id", 42, "trace_id", TRACE, "span_id", SPAN))) {
            orders.info("order placed", "amount", 9.5, "paid", true, "count", 3L, "item", nested, "none", null);
            orders.error(
                    "payment failed",
                    new IllegalStateException("card declined", new java.io.IOException("gateway down")),
                    "order_id",
                    "o-1");
        }
        audit.audit("exported", "rows", 12);
        orders.warn("no trace here", "text", "line\nbreak \"quoted\" ü");
    }

    @Test
    void protobufAndJsonRequestsCarryEveryFieldOfTheMapping() throws Exception {
        Receiver proto = receiver();
        Receiver json = receiver();
        LogRuntime rt = TestRuntimes.builder()
                .sinks("otlp", "otlp-json")
                .setting("sink.otlp.endpoint", endpoint(proto))
                .setting("sink.otlp-json.type", "otlp")
                .setting("sink.otlp-json.endpoint", endpoint(json))
                .setting("sink.otlp-json.protocol", "http/json")
                .setting("sink.otlp-json.compress", "gzip")
                .setting("service.name", "orders-svc")
                .setting("service.version", "1.2.3")
                .setting("service.environment", "test")
                .buildRuntime();
        Instant before = Instant.now();
        logTheSamples(rt.logger("orders"), rt.logger("audit"));
        DrainResult d = rt.drain(Duration.ofSeconds(5));
        assertThat(d.delivered()).isEqualTo(4);
        assertThat(d.stats().balanced()).isTrue();

        List<ExportLogsServiceRequest> fromProto = decoded(proto);
        List<ExportLogsServiceRequest> fromJson = decoded(json);
        assertThat(proto.requests.get(0).path()).isEqualTo("/v1/logs");
        assertThat(json.requests.get(0).header("Content-Encoding")).isEqualTo("gzip");
        // Both encodings say the same thing, field for field.
        assertThat(fromJson).isEqualTo(fromProto);

        ResourceLogs rl = fromProto.get(0).getResourceLogs(0);
        Map<String, AnyValue> resource = attributes(rl.getResource().getAttributesList());
        assertThat(resource.get("service.name").getStringValue()).isEqualTo("orders-svc");
        assertThat(resource.get("service.version").getStringValue()).isEqualTo("1.2.3");
        assertThat(resource.get("deployment.environment.name").getStringValue()).isEqualTo("test");
        assertThat(resource.get("process.pid").getIntValue())
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(resource.get("host.name").getStringValue()).isNotBlank();
        assertThat(resource).containsKeys("process.runtime.name", "process.runtime.version", "telemetry.sdk.name");

        List<Map.Entry<String, LogRecord>> records = records(fromProto);
        assertThat(records)
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("orders", "orders", "audit", "orders");
        Map<String, LogRecord> byBody = new LinkedHashMap<>();
        records.forEach(e -> byBody.put(e.getValue().getBody().getStringValue(), e.getValue()));

        LogRecord info = byBody.get("order placed");
        long nanos = info.getTimeUnixNano();
        assertThat(nanos)
                .isBetween(
                        before.getEpochSecond() * 1_000_000_000L,
                        Instant.now().getEpochSecond() * 1_000_000_000L + 999_999_999L);
        assertThat(nanos % 1000).as("microsecond precision").isZero();
        assertThat(info.getObservedTimeUnixNano()).isEqualTo(nanos);
        assertThat(info.getSeverityNumberValue()).isEqualTo(9);
        assertThat(info.getSeverityText()).isEqualTo("INFO");
        assertThat(HexFormat.of().formatHex(info.getTraceId().toByteArray())).isEqualTo(TRACE);
        assertThat(HexFormat.of().formatHex(info.getSpanId().toByteArray())).isEqualTo(SPAN);
        Map<String, AnyValue> a = attributes(info.getAttributesList());
        assertThat(a).doesNotContainKeys("trace_id", "span_id", "none", "message_id", "service", "host", "pid");
        assertThat(a.get("correlation_id").getStringValue()).isEqualTo("req-7");
        assertThat(a.get("log.record.uid").getStringValue()).hasSize(36);
        assertThat(a.get("request_id").getStringValue()).isEqualTo("req-7");
        assertThat(a.get("user_id").getIntValue()).isEqualTo(42);
        assertThat(a.get("thread.name").getStringValue())
                .isEqualTo(Thread.currentThread().getName());
        assertThat(a.get("amount").getDoubleValue()).isEqualTo(9.5);
        assertThat(a.get("paid").getBoolValue()).isTrue();
        assertThat(a.get("count").getIntValue()).isEqualTo(3);
        Map<String, AnyValue> item = attributes(a.get("item").getKvlistValue().getValuesList());
        assertThat(item.get("sku").getStringValue()).isEqualTo("A-1");
        assertThat(item.get("qty").getIntValue()).isEqualTo(2);
        List<AnyValue> tags = item.get("tags").getArrayValue().getValuesList();
        assertThat(tags.get(0).getStringValue()).isEqualTo("x");
        assertThat(tags.get(1).getIntValue()).isEqualTo(3);
        assertThat(tags.get(2).getBoolValue()).isTrue();

        LogRecord error = byBody.get("payment failed");
        assertThat(error.getSeverityNumberValue()).isEqualTo(17);
        Map<String, AnyValue> ea = attributes(error.getAttributesList());
        assertThat(ea.get("exception.type").getStringValue()).isEqualTo("java.lang.IllegalStateException");
        assertThat(ea.get("exception.message").getStringValue()).isEqualTo("card declined");
        String trace = ea.get("exception.stacktrace").getStringValue();
        assertThat(trace).startsWith("java.lang.IllegalStateException: card declined\n\tat ");
        assertThat(trace).contains("OtlpSinkTest.logTheSamples(OtlpSinkTest.java:");
        assertThat(trace).contains("\nCaused by: java.io.IOException: gateway down");
        assertThat(ea.get("order_id").getStringValue()).isEqualTo("o-1");

        LogRecord auditRecord = byBody.get("exported");
        assertThat(auditRecord.getSeverityNumberValue()).isEqualTo(12);
        assertThat(auditRecord.getSeverityText()).isEqualTo("AUDIT");

        LogRecord warn = byBody.get("no trace here");
        assertThat(warn.getSeverityNumberValue()).isEqualTo(13);
        assertThat(warn.getTraceId().isEmpty()).isTrue();
        assertThat(attributes(warn.getAttributesList()).get("text").getStringValue())
                .isEqualTo("line\nbreak \"quoted\" ü");
    }

    @Test
    void theOwnEncoderWritesTheSameBytesAsTheOfficialClasses() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("service.name", "svc");
        resource.put("process.pid", 4088L);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("s", "text ü \n");
        attributes.put("i", -42L);
        attributes.put("d", 9.5);
        attributes.put("b", true);
        attributes.put("list", List.of("x", 3L, List.of(false)));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("k", "v".repeat(300)); // a nested message longer than 127 bytes: a two-byte length
        nested.put("none", null);
        attributes.put("map", nested);
        byte[] trace = HexFormat.of().parseHex(TRACE);
        byte[] span = HexFormat.of().parseHex(SPAN);
        OtlpRecord a = new OtlpRecord("one", 1_764_930_000_123_456_000L, 9, "INFO", "body", attributes, trace, span);
        OtlpRecord b = new OtlpRecord("two", 1L, 17, "ERROR", "", Map.of(), null, null);
        Map<String, List<OtlpRecord>> scopes = new LinkedHashMap<>();
        scopes.put("one", List.of(a, a));
        scopes.put("two", List.of(b));

        ExportLogsServiceRequest.Builder official = ExportLogsServiceRequest.newBuilder();
        ResourceLogs.Builder rl = official.addResourceLogsBuilder();
        resource.forEach((k, v) -> rl.getResourceBuilder().addAttributes(keyValue(k, v)));
        for (Map.Entry<String, List<OtlpRecord>> scope : scopes.entrySet()) {
            ScopeLogs.Builder sl = rl.addScopeLogsBuilder();
            sl.getScopeBuilder().setName(scope.getKey());
            for (OtlpRecord r : scope.getValue()) {
                LogRecord.Builder lr = sl.addLogRecordsBuilder()
                        .setTimeUnixNano(r.timeNanos())
                        .setSeverityNumberValue(r.severity())
                        .setSeverityText(r.severityText())
                        .setBody(anyValue(r.body()));
                r.attributes().forEach((k, v) -> lr.addAttributes(keyValue(k, v)));
                if (r.traceId() != null) {
                    lr.setTraceId(com.google.protobuf.ByteString.copyFrom(r.traceId()));
                    lr.setSpanId(com.google.protobuf.ByteString.copyFrom(r.spanId()));
                }
                lr.setObservedTimeUnixNano(r.timeNanos());
            }
        }
        assertThat(new OtlpProtobuf(resource).encode(scopes))
                .isEqualTo(official.build().toByteArray());
    }

    private static KeyValue keyValue(String key, Object value) {
        return KeyValue.newBuilder().setKey(key).setValue(anyValue(value)).build();
    }

    @SuppressWarnings("unchecked")
    private static AnyValue anyValue(Object v) {
        AnyValue.Builder b = AnyValue.newBuilder();
        if (v instanceof String s) {
            b.setStringValue(s);
        } else if (v instanceof Long l) {
            b.setIntValue(l);
        } else if (v instanceof Double d) {
            b.setDoubleValue(d);
        } else if (v instanceof Boolean x) {
            b.setBoolValue(x);
        } else if (v instanceof List<?> list) {
            list.forEach(item -> b.getArrayValueBuilder().addValues(anyValue(item)));
        } else if (v instanceof Map<?, ?> map) {
            ((Map<String, Object>) map)
                    .forEach((k, x) -> b.getKvlistValueBuilder().addValues(keyValue(k, x)));
        }
        return b.build();
    }

    @Test
    void timestampsAreReadToTheNanosecondWithoutAFormatter() {
        for (String t : List.of(
                "2026-11-23T10:15:30.123456Z",
                "2026-11-23T10:15:30Z",
                "1969-12-31T23:59:59.999999999Z",
                "2024-02-29T00:00:00.5Z",
                "2026-11-23T10:15:30.123+01:00")) {
            Instant i = Instant.parse(t);
            assertThat(OtlpRecord.epochNanos(t)).as(t).isEqualTo(i.getEpochSecond() * 1_000_000_000L + i.getNano());
        }
    }

    @Test
    void severityNumbersFollowTheLevelsPlaceAmongTheBuiltIns() {
        assertThat(OtlpRecord.severityOf(Level.TRACE)).isEqualTo(1);
        assertThat(OtlpRecord.severityOf(Level.DEBUG)).isEqualTo(5);
        assertThat(OtlpRecord.severityOf(Level.INFO)).isEqualTo(9);
        assertThat(OtlpRecord.severityOf(Level.WARNING)).isEqualTo(13);
        assertThat(OtlpRecord.severityOf(Level.ERROR)).isEqualTo(17);
        assertThat(OtlpRecord.severityOf(Level.CRITICAL)).isEqualTo(21);
        assertThat(OtlpRecord.severityOf(Level.AUDIT)).isEqualTo(12);
        assertThat(OtlpRecord.severityOf(Level.SECURITY)).isEqualTo(16);
        assertThat(OtlpRecord.severityOfPriority(25))
                .as("half-way INFO to WARNING")
                .isEqualTo(11);
        assertThat(OtlpRecord.severityOfPriority(0)).isEqualTo(1);
        assertThat(OtlpRecord.severityOfPriority(7)).isEqualTo(2);
        assertThat(OtlpRecord.severityOfPriority(39)).isEqualTo(16);
        assertThat(OtlpRecord.severityOfPriority(99)).isEqualTo(24);
    }

    @Test
    void theStandardVariablesApplyUnderTheSinksOwnOptions() {
        Function<String, String> shared = k -> k.equals("service.name") ? "from-fapilog" : null;
        Map<String, String> env = Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "https://collector:4318",
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=s%3Dcret,tenant=acme",
                "OTEL_EXPORTER_OTLP_LOGS_COMPRESSION", "gzip",
                "OTEL_EXPORTER_OTLP_COMPRESSION", "none",
                "OTEL_EXPORTER_OTLP_TIMEOUT", "2500",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "http/json",
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=from-resource,team=payments",
                "OTEL_SERVICE_NAME", "from-service-name");
        OtlpSettings s = OtlpSettings.resolve("fapilog.sink.otlp.", k -> null, shared, env);
        assertThat(s.endpoint()).hasToString("https://collector:4318/v1/logs");
        assertThat(s.json()).isTrue();
        assertThat(s.gzip()).as("the logs-specific variable wins").isTrue();
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.headers()).extracting(h -> h[0] + "=" + h[1]).containsExactly("api-key=s=cret", "tenant=acme");
        assertThat(s.resource().get("service.name")).isEqualTo("from-service-name");
        assertThat(s.resource().get("team")).isEqualTo("payments");

        Map<String, String> logsEndpoint = Map.of(
                "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:9999/custom",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://ignored:4318");
        assertThat(OtlpSettings.resolve("p.", k -> null, shared, logsEndpoint).endpoint())
                .hasToString("http://logs:9999/custom");
        Map<String, String> options = Map.of(
                "endpoint",
                "http://127.0.0.1:1/v1/logs",
                "protocol",
                "http/protobuf",
                "compress",
                "none",
                "resource-attributes",
                "service.name=explicit");
        OtlpSettings explicit = OtlpSettings.resolve("p.", options::get, shared, env);
        assertThat(explicit.endpoint()).hasToString("http://127.0.0.1:1/v1/logs");
        assertThat(explicit.json()).isFalse();
        assertThat(explicit.gzip()).isFalse();
        assertThat(explicit.resource().get("service.name")).isEqualTo("explicit");
        OtlpSettings none = OtlpSettings.resolve("p.", k -> null, shared, Map.of());
        assertThat(none.endpoint()).hasToString(OtlpSettings.DEFAULT_ENDPOINT);
        assertThat(none.resource().get("service.name")).isEqualTo("from-fapilog");

        assertThatThrownBy(() ->
                        OtlpSettings.resolve("p.", k -> null, shared, Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
                .hasMessageContaining("grpc")
                .hasMessageContaining("http/protobuf or http/json");
        assertThatThrownBy(() ->
                        OtlpSettings.resolve("p.", k -> null, shared, Map.of("OTEL_EXPORTER_OTLP_LOGS_TIMEOUT", "5s")))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_[LOGS_]TIMEOUT");
        assertThatThrownBy(() -> OtlpSettings.resolve(
                        "p.", k -> null, shared, Map.of("OTEL_EXPORTER_OTLP_HEADERS", "secret-value-only")))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_[LOGS_]HEADERS")
                .hasMessageNotContaining("secret-value-only");
    }
}
