package dev.fapilog.examples.se;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A short, fixed burst of requests over loopback: a write carrying secrets, fast reads (one with the caller's
 * correlation id, one with a W3C trace context, one not found), a slow one, and a failing one.
 */
final class ScriptedBurst {
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final URI base;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ScriptedBurst(URI base) {
        this.base = base;
    }

    void run() throws Exception {
        Main.say("scripted burst against " + base);
        // A secret in a field (credential masking, on by default) and a bearer token (a header that is always masked).
        send(post("orders", "item=book&quantity=2&card=4111111111111111&password=hunter2")
                .header("X-Request-ID", "demo-order-1")
                .header("Authorization", "Bearer demo-secret-token"));
        send(get("orders/42").header("X-Request-ID", "demo-read-1"));
        send(get("orders/42").header("traceparent", TRACEPARENT));
        send(get("orders/7"));
        send(get("reports/slow?ms=300"));
        send(get("orders/fail").header("X-Request-ID", "demo-fail-1"));
        Main.say("burst done; shutting down");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .GET();
    }

    private HttpRequest.Builder post(String path, String form) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private void send(HttpRequest.Builder builder) throws Exception {
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        Main.say(request.method() + " " + request.uri().getPath() + " -> " + response.statusCode() + " (" + ms
                + " ms, X-Request-ID "
                + response.headers().firstValue("X-Request-ID").orElse("-") + ")");
    }
}
