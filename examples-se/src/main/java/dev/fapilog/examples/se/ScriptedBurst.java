package dev.fapilog.examples.se;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A short, fixed burst of requests over loopback: fast ones, a slow one, a failing one, and one carrying a secret. */
final class ScriptedBurst {
    private final URI base;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ScriptedBurst(URI base) {
        this.base = base;
    }

    void run() throws Exception {
        Main.say("scripted burst against " + base);
        send(post("orders", "item=book&quantity=2&card=4111111111111111&password=hunter2"));
        send(get("orders/42"));
        send(get("orders/42"));
        send(get("orders/7"));
        send(get("reports/slow?ms=300"));
        send(get("orders/fail"));
        Main.say("burst done; shutting down");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private void send(HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        Main.say(
                request.method() + " " + request.uri().getPath() + " -> " + response.statusCode() + " (" + ms + " ms)");
    }
}
