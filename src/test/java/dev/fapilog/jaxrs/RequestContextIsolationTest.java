package dev.fapilog.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.LogContext;
import dev.fapilog.support.CdiApp;
import dev.fapilog.support.JerseyApp;
import dev.fapilog.support.JsonLines;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pooled request threads never carry one request's context into another, on any exit path. */
class RequestContextIsolationTest {
    @TempDir
    Path dir;

    @Test
    void concurrentRequestsOnTwoPooledThreadsKeepTheirOwnIds() throws Exception {
        int n = 200;
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        try (JerseyApp app = JerseyApp.start(
                CdiApp.fileSink(dir.resolve("out.jsonl"), "fapilog.jaxrs.user-id.header", "X-User"),
                2,
                TestResources.Items.class,
                TestResources.IllegalStateMapper.class)) {
            for (int i = 0; i < n; i++) {
                HttpRequest.Builder b = HttpRequest.newBuilder(app.base().resolve("items/" + i))
                        .timeout(Duration.ofSeconds(30))
                        .header("X-Request-ID", "req-" + i);
                if (i % 2 == 0) {
                    b.header("X-User", "user-" + i); // only every other request names a user
                }
                calls.add(app.client().sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < n; i++) {
                HttpResponse<String> r = calls.get(i).join();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("correlation=req-" + i + "\n");
                assertThat(r.headers().firstValue("X-Request-ID")).hasValue("req-" + i);
            }
            assertThat(app.onRequestThread(LogContext::snapshot).isEmpty())
                    .as("nothing left on a request thread after its request")
                    .isTrue();
        }
        List<JsonNode> events = JsonLines.checkAll(Files.readAllBytes(dir.resolve("out.jsonl")));
        int plain = 0;
        for (JsonNode e : events) {
            JsonNode log = e.get("log");
            if (!log.get("message").asText().equals("plain logger in a request")) {
                continue;
            }
            plain++;
            int item = Integer.parseInt(log.get("data").get("item").asText());
            assertThat(log.get("context").get("correlation_id").asText()).isEqualTo("req-" + item);
            if (item % 2 == 0) {
                assertThat(log.get("context").get("user_id").asText()).isEqualTo("user-" + item);
            } else {
                assertThat(log.get("context").has("user_id"))
                        .as("no user leaks in from another request")
                        .isFalse();
            }
        }
        assertThat(plain).isEqualTo(n);
    }

    @Test
    void everyExitPathLeavesTheThreadClean() throws Exception {
        try (JerseyApp app = JerseyApp.start(
                CdiApp.fileSink(dir.resolve("out.jsonl")),
                1,
                TestResources.Items.class,
                TestResources.IllegalStateMapper.class)) {
            for (String path : List.of(
                    "items/1",
                    "items/none",
                    "items/broken",
                    "items/unmapped",
                    "items/async",
                    "items/stage",
                    "items/async-broken",
                    "items/health",
                    "no/such/path")) {
                app.get(path, "X-Request-ID", "leak-check");
                assertThat(app.onRequestThread(LogContext::snapshot).asMap())
                        .as("context after %s", path)
                        .isEmpty();
            }
        }
    }

    @Test
    void aRequestNeverSeesContextLeftOnItsThreadByOtherCode() throws Exception {
        try (JerseyApp app = JerseyApp.start(CdiApp.fileSink(dir.resolve("out.jsonl")), 1, TestResources.Items.class)) {
            app.onRequestThread(() -> LogContext.put("stale", "left by a careless task"));
            String seen = app.get("items/context-now", "X-Request-ID", "fresh").body();
            assertThat(seen).contains("correlation_id=fresh").doesNotContain("stale");
        }
    }
}
