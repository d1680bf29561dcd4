package dev.fapilog.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.support.CdiApp;
import dev.fapilog.support.JerseyApp;
import dev.fapilog.support.JsonLines;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests in flight when the application ends still get their completion event, within the drain deadline. */
class ShutdownInFlightTest {
    @TempDir
    Path dir;

    private List<JsonNode> events() throws Exception {
        return JsonLines.checkAll(Files.readAllBytes(dir.resolve("out.jsonl"))).stream()
                .map(n -> n.get("log"))
                .toList();
    }

    @Test
    void aRequestInFlightAtTheEndIsStillLogged() throws Exception {
        TestResources.Slow.entered = new CountDownLatch(1);
        HttpResponse<String> response;
        try (JerseyApp app = JerseyApp.start(CdiApp.fileSink(dir.resolve("out.jsonl")), 2, TestResources.Slow.class)) {
            CompletableFuture<HttpResponse<String>> call = app.client()
                    .sendAsync(
                            HttpRequest.newBuilder(app.base().resolve("slow/600"))
                                    .header("X-Request-ID", "req-in-flight")
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(TestResources.Slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
            app.cdi().close(); // the application ends while the request runs; the HTTP server is still up
            response = call.get(20, TimeUnit.SECONDS);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> events = events();
        assertThat(events)
                .filteredOn(e -> e.get("message").asText().equals("slow request finishing"))
                .hasSize(1);
        assertThat(events)
                .filteredOn(e -> e.get("message").asText().equals("request_completed"))
                .singleElement()
                .satisfies(
                        e -> assertThat(e.get("context").get("correlation_id").asText())
                                .isEqualTo("req-in-flight"));
    }

    @Test
    void aRequestThatOutlivesTheDeadlineDoesNotHoldTheShutdown() throws Exception {
        TestResources.Slow.entered = new CountDownLatch(1);
        try (JerseyApp app = JerseyApp.start(
                CdiApp.fileSink(dir.resolve("out.jsonl"), "fapilog.shutdown.timeout", "1s"),
                2,
                TestResources.Slow.class)) {
            app.client()
                    .sendAsync(
                            HttpRequest.newBuilder(app.base().resolve("slow/8000"))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(TestResources.Slow.entered.await(10, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            app.cdi().close();
            // Bounded by the 1 s deadline (plus the drain's own margin), far from the request's 8 s.
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
        }
    }
}
