package dev.fapilog.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.support.JerseyApp;
import dev.fapilog.support.JsonLines;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AsyncResponse and CompletionStage resources: completion when the response is sent, context on the other thread. */
class AsyncRequestTest {
    @TempDir
    Path dir;

    private JerseyApp start() {
        return TestResources.itemsApp(dir.resolve("out.jsonl"));
    }

    private List<JsonNode> events() throws Exception {
        return JsonLines.checkAll(Files.readAllBytes(dir.resolve("out.jsonl"))).stream()
                .map(n -> n.get("log"))
                .toList();
    }

    private static JsonNode one(List<JsonNode> events, String message) {
        List<JsonNode> found = events.stream()
                .filter(e -> e.get("message").asText().equals(message))
                .toList();
        assertThat(found).as(message).hasSize(1);
        return found.get(0);
    }

    @Test
    void asyncResponseWorkOnAnotherThreadKeepsTheCorrelationId() throws Exception {
        try (JerseyApp app = start()) {
            HttpResponse<String> r = app.get("items/async", "X-Request-ID", "req-async");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("async done\n");
            assertThat(r.headers().firstValue("X-Request-ID")).hasValue("req-async");
        }
        List<JsonNode> events = events();
        JsonNode work = one(events, "async work on another thread");
        assertThat(work.get("diagnostics").get("thread").asText()).isEqualTo("test-worker");
        assertThat(work.get("context").get("correlation_id").asText()).isEqualTo("req-async");
        JsonNode rl = one(events, "request logger on another thread");
        assertThat(rl.get("context").get("correlation_id").asText())
                .as("bound to the request logger, no hand-off needed")
                .isEqualTo("req-async");
        JsonNode done = one(events, "request_completed");
        assertThat(done.get("context").get("correlation_id").asText()).isEqualTo("req-async");
        assertThat(done.get("data").get("route").asText()).isEqualTo("/items/async");
        assertThat(done.get("data").get("response_size").asLong()).isEqualTo("async done\n".length());
    }

    @Test
    void aCompletionStageResourceIsLoggedWhenItsResultIsSent() throws Exception {
        try (JerseyApp app = start()) {
            assertThat(app.get("items/stage", "X-Request-ID", "req-stage").body())
                    .isEqualTo("stage done\n");
        }
        List<JsonNode> events = events();
        assertThat(one(events, "stage work on another thread")
                        .get("context")
                        .get("correlation_id")
                        .asText())
                .isEqualTo("req-stage");
        JsonNode done = one(events, "request_completed");
        assertThat(done.get("data").get("status").asInt()).isEqualTo(200);
        assertThat(done.get("context").get("correlation_id").asText()).isEqualTo("req-stage");
    }

    @Test
    void aFailureResumedFromAnotherThreadIsLoggedAsFailedAndMapped() throws Exception {
        try (JerseyApp app = start()) {
            HttpResponse<String> r = app.get("items/async-broken", "X-Request-ID", "req-async-broken");
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("mapped: async broken\n");
        }
        List<JsonNode> events = events();
        assertThat(events).noneMatch(e -> e.get("message").asText().equals("request_completed"));
        JsonNode failed = one(events, "request_failed");
        assertThat(failed.get("data").get("error_type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.get("context").get("correlation_id").asText()).isEqualTo("req-async-broken");
    }
}
