package dev.fapilog.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.support.CdiApp;
import dev.fapilog.support.JerseyApp;
import dev.fapilog.support.JsonLines;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request context, request logger and completion events against a real Jersey server on 127.0.0.1. */
class RequestLogTest {
    @TempDir
    Path dir;

    private JerseyApp start(String... keyValues) {
        return TestResources.itemsApp(dir.resolve("out.jsonl"), keyValues);
    }

    private List<JsonNode> lines() throws Exception {
        return JsonLines.checkAll(Files.readAllBytes(dir.resolve("out.jsonl"))).stream()
                .map(n -> n.get("log"))
                .toList();
    }

    private static List<JsonNode> where(List<JsonNode> lines, Predicate<JsonNode> p) {
        return lines.stream().filter(p).toList();
    }

    private static Predicate<JsonNode> message(String m) {
        return n -> n.get("message").asText().equals(m);
    }

    @Test
    void aRequestGetsAContextARequestLoggerAndOneCompletionEvent() throws Exception {
        String body;
        try (JerseyApp app = start()) {
            HttpResponse<String> r = app.get(
                    "items/7",
                    "X-Request-ID",
                    "req-123",
                    "traceparent",
                    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    "User-Agent",
                    "fapilog-test");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Request-ID")).hasValue("req-123");
            body = r.body();
        }
        assertThat(body).contains("correlation=req-123");
        List<JsonNode> lines = lines();
        JsonNode plain = where(lines, message("plain logger in a request")).get(0);
        assertThat(plain.get("context").get("correlation_id").asText()).isEqualTo("req-123");
        assertThat(plain.get("context").get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(plain.get("context").get("span_id").asText()).isEqualTo("00f067aa0ba902b7");
        JsonNode rl = where(lines, message("request logger in a request")).get(0);
        assertThat(rl.get("logger").asText()).isEqualTo("request");
        assertThat(rl.get("context").get("correlation_id").asText()).isEqualTo("req-123");
        assertThat(rl.get("data").get("path").asText()).isEqualTo("/items/7");

        List<JsonNode> done = where(lines, message("request_completed"));
        assertThat(done).hasSize(1);
        JsonNode d = done.get(0);
        assertThat(d.get("level").asText()).isEqualTo("INFO");
        assertThat(d.get("logger").asText()).isEqualTo(RequestLogFilter.LOGGER);
        assertThat(d.get("context").get("correlation_id").asText()).isEqualTo("req-123");
        JsonNode data = d.get("data");
        assertThat(data.get("method").asText()).isEqualTo("GET");
        assertThat(data.get("path").asText()).isEqualTo("/items/7");
        assertThat(data.get("route").asText()).isEqualTo("/items/{id}");
        assertThat(data.get("status").asInt()).isEqualTo(200);
        assertThat(data.get("latency_ms").asDouble()).isPositive();
        assertThat(data.get("response_size").asLong()).isEqualTo(body.getBytes().length);
        assertThat(data.get("user_agent").asText()).isEqualTo("fapilog-test");
    }

    @Test
    void aMissingOrInvalidIdIsReplacedByAGeneratedOne() throws Exception {
        try (JerseyApp app = start()) {
            String generated =
                    app.get("items/1").headers().firstValue("X-Request-ID").orElseThrow();
            assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            String replaced = app.get("items/1", "X-Request-ID", "bad id with spaces\"")
                    .headers()
                    .firstValue("X-Request-ID")
                    .orElseThrow();
            // A UUID can contain "bad" by chance (hex digits), so check the shape and that it is not the input.
            assertThat(replaced)
                    .isNotEqualTo("bad id with spaces\"")
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            String tooLong = app.get("items/1", "X-Request-ID", "a".repeat(129))
                    .headers()
                    .firstValue("X-Request-ID")
                    .orElseThrow();
            assertThat(tooLong).hasSize(36);
            HttpResponse<String> badTrace = app.get("items/1", "traceparent", "00-zzzz-00f067aa0ba902b7-01");
            assertThat(badTrace.statusCode()).isEqualTo(200);
        }
        assertThat(where(lines(), message("request_completed")))
                .allSatisfy(n -> assertThat(n.get("context").has("trace_id")).isFalse());
    }

    @Test
    void anExceptionGivesOneRequestFailedEventAndStillReachesTheMapper() throws Exception {
        try (JerseyApp app = start()) {
            HttpResponse<String> r = app.get("items/broken", "X-Request-ID", "req-broken");
            assertThat(r.statusCode()).as("the application's mapper answered").isEqualTo(503);
            assertThat(r.body()).isEqualTo("mapped: broken on purpose\n");
            assertThat(TestResources.IllegalStateMapper.lastSeen).hasMessage("broken on purpose");
        }
        List<JsonNode> lines = lines();
        assertThat(where(lines, message("request_completed"))).isEmpty();
        List<JsonNode> failed = where(lines, message("request_failed"));
        assertThat(failed).hasSize(1);
        JsonNode f = failed.get(0);
        assertThat(f.get("level").asText()).isEqualTo("ERROR");
        assertThat(f.get("data").get("status").asInt()).isEqualTo(503);
        assertThat(f.get("data").get("error_type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(f.get("data").get("error_message").asText()).isEqualTo("broken on purpose");
        assertThat(f.get("diagnostics").get("exception").get("type").asText())
                .isEqualTo("java.lang.IllegalStateException");
        assertThat(f.get("context").get("correlation_id").asText()).isEqualTo("req-broken");
    }

    @Test
    void theRequestLoggerWorksInOtherRequestScopedBeansAndCarriesTenantAndUser() throws Exception {
        try (JerseyApp app = JerseyApp.start(
                CdiApp.fileSink(
                        dir.resolve("out.jsonl"),
                        "fapilog.jaxrs.tenant-id.header",
                        "X-Tenant",
                        "fapilog.jaxrs.user-id.header",
                        "X-User"),
                2,
                TestResources.Audited.class,
                TestResources.Audit.class)) {
            app.get(
                    "audited",
                    "X-Request-ID",
                    "req-audit",
                    "X-Tenant",
                    "acme",
                    "X-User",
                    "u-1",
                    "X-Forwarded-For",
                    "203.0.113.7, 10.0.0.1");
        }
        List<JsonNode> lines = lines();
        JsonNode audited = where(lines, message("audited")).get(0);
        assertThat(audited.get("logger").asText()).isEqualTo(RequestLogger.NAME);
        assertThat(audited.get("context").get("correlation_id").asText()).isEqualTo("req-audit");
        assertThat(audited.get("context").get("tenant_id").asText()).isEqualTo("acme");
        assertThat(audited.get("context").get("user_id").asText()).isEqualTo("u-1");
        JsonNode done = where(lines, message("request_completed")).get(0);
        assertThat(done.get("data").get("forwarded_for").asText())
                .as("the client named by the proxy")
                .isEqualTo("203.0.113.7");
        assertThat(done.get("data").has("client_address"))
                .as("Jersey on Grizzly without servlets does not tell the socket's address")
                .isFalse();
        assertThat(done.get("context").get("tenant_id").asText()).isEqualTo("acme");
    }

    @Test
    void inAServletContainerTheSocketAddressIsLoggedToo() throws Exception {
        try (JerseyApp app = JerseyApp.startServlet(
                CdiApp.fileSink(dir.resolve("out.jsonl")),
                TestResources.Items.class,
                TestResources.IllegalStateMapper.class)) {
            assertThat(app.get("items/5", "X-Request-ID", "req-servlet").statusCode())
                    .isEqualTo(200);
            assertThat(app.get("items/broken").statusCode()).isEqualTo(503);
        }
        List<JsonNode> lines = lines();
        JsonNode done = where(lines, message("request_completed")).get(0);
        assertThat(done.get("data").get("client_address").asText()).isEqualTo("127.0.0.1");
        assertThat(done.get("data").get("route").asText()).isEqualTo("/items/{id}");
        assertThat(done.get("context").get("correlation_id").asText()).isEqualTo("req-servlet");
        assertThat(where(lines, message("plain logger in a request"))
                        .get(0)
                        .get("context")
                        .get("correlation_id")
                        .asText())
                .isEqualTo("req-servlet");
        assertThat(where(lines, message("request_failed"))).hasSize(1);
    }

    @Test
    void noContentResponsesAreLoggedToo() throws Exception {
        try (JerseyApp app = start()) {
            assertThat(app.get("items/none").statusCode()).isEqualTo(204);
        }
        JsonNode d = where(lines(), message("request_completed")).get(0);
        assertThat(d.get("data").get("status").asInt()).isEqualTo(204);
        assertThat(d.get("data").get("response_size").asLong()).isZero();
    }
}
