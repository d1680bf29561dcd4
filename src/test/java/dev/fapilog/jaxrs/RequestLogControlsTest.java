package dev.fapilog.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.support.JerseyApp;
import dev.fapilog.support.JsonLines;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fapilog.jaxrs.* controls: headers, skip paths, sampling, @NoRequestLog, levels, the off switch. */
class RequestLogControlsTest {
    @TempDir
    Path dir;

    private JerseyApp start(String... keyValues) {
        return TestResources.itemsApp(dir.resolve("out.jsonl"), keyValues);
    }

    private List<JsonNode> completions() throws Exception {
        Path out = dir.resolve("out.jsonl");
        if (!Files.exists(out)) {
            return List.of();
        }
        return JsonLines.checkAll(Files.readAllBytes(out)).stream()
                .map(n -> n.get("log"))
                .filter(n -> n.get("logger").asText().equals(RequestLogFilter.LOGGER))
                .toList();
    }

    private static JsonNode only(List<JsonNode> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void headersAreNotLoggedByDefault() throws Exception {
        try (JerseyApp app = start()) {
            app.get("items/1", "Authorization", "Bearer secret-token");
        }
        assertThat(only(completions()).get("data").has("headers")).isFalse();
    }

    @Test
    void loggedHeadersAreLowerCasedAndSensitiveOnesRedactedInEveryForm() throws Exception {
        // Credential masking of the pipeline off, so the request log's own header redaction is what is tested.
        try (JerseyApp app = start(
                "fapilog.jaxrs.headers.log",
                "true",
                "fapilog.jaxrs.headers.redact",
                "X-Secret",
                "fapilog.redaction.presets",
                "none")) {
            HttpRequest request = HttpRequest.newBuilder(app.base().resolve("items/1"))
                    .timeout(Duration.ofSeconds(10))
                    .header("AUTHORIZATION", "Bearer secret-token")
                    .header("Cookie", "session=abc")
                    .header("x-api-key", "key-one")
                    .header("X-Api-Key", "key-two")
                    .header("X-CSRF-Token", "csrf")
                    .header("x-secret", "mine")
                    .header("Accept", "text/plain")
                    .build();
            assertThat(app.client()
                            .send(request, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
        JsonNode headers = only(completions()).get("data").get("headers");
        assertThat(headers.get("authorization").asText()).isEqualTo("***");
        assertThat(headers.get("cookie").asText()).isEqualTo("***");
        assertThat(headers.get("x-api-key").isArray()).isTrue();
        assertThat(headers.get("x-api-key")).extracting(JsonNode::asText).containsExactly("***", "***");
        assertThat(headers.get("x-csrf-token").asText()).isEqualTo("***");
        assertThat(headers.get("x-secret").asText()).as("an added name").isEqualTo("***");
        assertThat(headers.get("accept").asText()).isEqualTo("text/plain");
        assertThat(headers.toString()).doesNotContain("secret-token", "session=abc", "key-one", "key-two", "mine");
    }

    @Test
    void cardNumbersInLoggedHeadersAreMaskedByThePciDssPreset() throws Exception {
        String card = "4111111111111111";
        try (JerseyApp app = start("fapilog.jaxrs.headers.log", "true", "fapilog.redaction.presets", "PCI_DSS")) {
            app.get("items/1", "X-Debug", "card " + card, "X-Card", "4111-1111-1111-1111");
        }
        JsonNode event = only(completions());
        assertThat(event.get("data").get("headers").get("x-debug").asText()).doesNotContain(card);
        String line = event.toString().replace("-", "").replace(" ", "");
        assertThat(line).doesNotContain(card);
    }

    @Test
    void anAllowlistKeepsOnlyTheNamedHeadersAndStillRedacts() throws Exception {
        try (JerseyApp app =
                start("fapilog.jaxrs.headers.log", "true", "fapilog.jaxrs.headers.allow", "accept,authorization")) {
            app.get("items/1", "Authorization", "Bearer t", "Accept", "text/plain", "X-Other", "x");
        }
        JsonNode headers = only(completions()).get("data").get("headers");
        assertThat(headers.size()).isEqualTo(2);
        assertThat(headers.get("authorization").asText()).isEqualTo("***");
        assertThat(headers.get("accept").asText()).isEqualTo("text/plain");
    }

    @Test
    void skippedPathsAndOptedOutResourcesLogOnlyTheirErrors() throws Exception {
        try (JerseyApp app = start("fapilog.jaxrs.skip-paths", "/items/none,/items/b*")) {
            app.get("items/none"); // exact
            app.get("items/broken"); // prefix, but failed: still logged
            app.get("items/health"); // @NoRequestLog
            app.get("items/1"); // logged
        }
        List<JsonNode> events = completions();
        assertThat(events)
                .extracting(e -> e.get("data").get("path").asText())
                .containsExactlyInAnyOrder("/items/broken", "/items/1");
        assertThat(events)
                .filteredOn(e -> e.get("data").get("path").asText().equals("/items/broken"))
                .singleElement()
                .satisfies(e -> assertThat(e.get("message").asText()).isEqualTo("request_failed"));
    }

    @Test
    void errorsOnSkippedPathsCanBeSilencedToo() throws Exception {
        try (JerseyApp app =
                start("fapilog.jaxrs.skip-paths", "/items/*", "fapilog.jaxrs.log-errors-on-skipped-paths", "false")) {
            app.get("items/broken");
            app.get("items/1");
        }
        assertThat(completions()).isEmpty();
    }

    @Test
    void samplingNeverDropsErrors() throws Exception {
        try (JerseyApp app = start("fapilog.jaxrs.sample-rate", "0.0")) {
            for (int i = 0; i < 20; i++) {
                app.get("items/" + i);
            }
            app.get("items/broken");
            app.get("items/unmapped");
        }
        assertThat(completions())
                .extracting(e -> e.get("message").asText())
                .containsExactlyInAnyOrder("request_failed", "request_failed");
    }

    @Test
    void theLevelFollowsTheStatusClass() throws Exception {
        try (JerseyApp app = start(
                "fapilog.jaxrs.level.4xx", "WARNING", "fapilog.jaxrs.level.2xx", "DEBUG", "fapilog.level", "DEBUG")) {
            app.get("items/1");
            app.get("no/such/resource");
        }
        assertThat(completions())
                .extracting(e -> e.get("data").get("status").asInt() + " "
                        + e.get("level").asText())
                .containsExactlyInAnyOrder("200 DEBUG", "404 WARNING");
    }

    @Test
    void theStackTraceOfAFailureCanBeLeftOut() throws Exception {
        try (JerseyApp app = start("fapilog.jaxrs.failure.stack-trace", "false")) {
            app.get("items/broken");
        }
        JsonNode failed = only(completions());
        assertThat(failed.get("data").get("error_type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.get("diagnostics").has("exception")).isFalse();
    }

    @Test
    void theWholeIntegrationCanBeSwitchedOff() throws Exception {
        try (JerseyApp app = start("fapilog.jaxrs.enabled", "false")) {
            HttpResponse<String> r = app.get("items/1", "X-Request-ID", "req-off");
            assertThat(r.headers().firstValue("X-Request-ID")).isEmpty();
            assertThat(r.body()).contains("correlation=null");
        }
        assertThat(completions()).isEmpty();
    }

    @Test
    void anUnmappedExceptionIsLoggedOnceAsFailed() throws Exception {
        try (JerseyApp app = start()) {
            java.net.http.HttpResponse<String> r = app.get("items/unmapped", "X-Request-ID", "req-unmapped");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.headers().firstValue("X-Request-ID"))
                    .as("echoed on a failure too")
                    .hasValue("req-unmapped");
            java.net.http.HttpResponse<String> generated = app.get("items/unmapped");
            assertThat(generated.headers().firstValue("X-Request-ID")).isPresent();
        }
        JsonNode failed = completions().get(0);
        assertThat(completions()).hasSize(2);
        assertThat(failed.get("message").asText()).isEqualTo("request_failed");
        assertThat(failed.get("data").get("error_type").asText()).isEqualTo("java.lang.UnsupportedOperationException");
        assertThat(failed.get("context").get("correlation_id").asText()).isEqualTo("req-unmapped");
    }

    @Test
    void theLinesALibraryLogsThroughJulDuringAFailingRequestCarryItsCorrelationId() throws Exception {
        try (JerseyApp app = start()) {
            java.net.http.HttpResponse<String> r = app.get("items/jul-then-unmapped", "X-Request-ID", "req-jul");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.headers().firstValue("X-Request-ID")).hasValue("req-jul");
        }
        List<JsonNode> bridged = JsonLines.checkAll(java.nio.file.Files.readAllBytes(dir.resolve("out.jsonl"))).stream()
                .map(n -> n.get("log"))
                .filter(n -> n.get("message").asText().equals("a library line before the failure"))
                .toList();
        assertThat(bridged).hasSize(1);
        assertThat(bridged.get(0).at("/diagnostics/origin").asText()).isEqualTo("jul");
        assertThat(bridged.get(0).at("/context/correlation_id").asText()).isEqualTo("req-jul");
        assertThat(only(completions()).at("/context/correlation_id").asText()).isEqualTo("req-jul");
    }
}
