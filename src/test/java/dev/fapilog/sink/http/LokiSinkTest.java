package dev.fapilog.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fapilog.DrainResult;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code loki} sink against a receiver that checks Loki's push format, labels and headers. */
class LokiSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void stop() {
        receivers.forEach(Receiver::close);
    }

    @Test
    void pushesStreamsByLabelSetWithTheEnvelopeAsTheLineAndItsTimeAsTheTimestamp() throws Exception {
        Receiver r = new Receiver(0);
        receivers.add(r);
        LogRuntime rt = TestRuntimes.builder()
                .sinks("loki")
                .setting("sink.loki.url", "http://127.0.0.1:" + r.port() + "/")
                .setting("sink.loki.labels", "env=prod, app.name=shop/eu")
                .setting("sink.loki.label-keys", "level, context.tenant_id")
                .setting("sink.loki.tenant", "team-a")
                .setting("sink.loki.compress", "gzip")
                .setting("sink.loki.auth", "basic")
                .setting("sink.loki.username", "u")
                .setting("sink.loki.password", "p")
                .setting("service.name", "orders")
                .buildRuntime();
        try (LogContext.Scope s = LogContext.put("tenant_id", "acme corp")) {
            rt.logger("l").info("one", "n", 1);
            rt.logger("l").info("two \"quoted\" \\ back", "n", 2);
            rt.logger("l").error("three", "n", 3);
        }
        rt.logger("l").info("four", "n", 4);
        DrainResult d = rt.drain(Duration.ofSeconds(5));
        assertThat(d.delivered()).isEqualTo(4);
        assertThat(d.stats().balanced()).isTrue();

        Map<Map<String, String>, List<String>> byLabels = new HashMap<>();
        for (Receiver.Request req : r.requests) {
            assertThat(req.path()).isEqualTo("/loki/api/v1/push");
            assertThat(req.header("X-Scope-OrgID")).isEqualTo("team-a");
            assertThat(req.header("Content-Type")).isEqualTo("application/json");
            assertThat(req.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(req.header("Authorization")).startsWith("Basic ");
            JsonNode push = JSON.readTree(req.raw());
            for (JsonNode stream : push.get("streams")) {
                Map<String, String> labels = JSON.convertValue(stream.get("stream"), Map.class);
                for (JsonNode entry : stream.get("values")) {
                    assertThat(entry).hasSize(2);
                    String line = entry.get(1).asText();
                    JsonNode envelope = JsonLines.checkText(line);
                    Instant t =
                            Instant.parse(envelope.get("log").get("timestamp").asText());
                    assertThat(entry.get(0).isTextual()).isTrue();
                    assertThat(Long.parseLong(entry.get(0).asText()))
                            .isEqualTo(t.getEpochSecond() * 1_000_000_000L + t.getNano());
                    byLabels.computeIfAbsent(labels, k -> new ArrayList<>())
                            .add(envelope.get("log").get("message").asText());
                }
            }
        }
        Map<String, String> common = Map.of("service_name", "orders", "env", "prod", "app_name", "shop_eu");
        Map<String, String> infoAcme = new HashMap<>(common);
        infoAcme.putAll(Map.of("level", "INFO", "tenant_id", "acme_corp"));
        Map<String, String> errorAcme = new HashMap<>(common);
        errorAcme.putAll(Map.of("level", "ERROR", "tenant_id", "acme_corp"));
        Map<String, String> infoNoTenant = new HashMap<>(common);
        infoNoTenant.put("level", "INFO");
        assertThat(byLabels).containsOnlyKeys(infoAcme, errorAcme, infoNoTenant);
        assertThat(byLabels.get(infoAcme)).containsExactly("one", "two \"quoted\" \\ back");
        assertThat(byLabels.get(errorAcme)).containsExactly("three");
        assertThat(byLabels.get(infoNoTenant)).containsExactly("four");
    }

    @Test
    void labelNamesAndValuesAreSanitised() {
        assertThat(LokiPayload.labelName("app.name")).isEqualTo("app_name");
        assertThat(LokiPayload.labelName("9lives")).isEqualTo("_lives");
        assertThat(LokiPayload.labelValue("a b/c{d}\"e")).isEqualTo("a_b_c_d__e");
        assertThat(LokiPayload.labelValue("x".repeat(300))).hasSize(128);
    }
}
