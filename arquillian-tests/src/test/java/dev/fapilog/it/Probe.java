package dev.fapilog.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Talks to the probe application over loopback and reads what it wrote. */
final class Probe {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private Probe() {}

    /** GET {@code base + path} with {@code name, value} header pairs. */
    static HttpResponse<String> get(URL base, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code key=value} lines of {@code api/probe/info}. */
    static Map<String, String> info(URL base) throws Exception {
        HttpResponse<String> r = get(base, "api/probe/info");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, String> m = new HashMap<>();
        r.body().lines().forEach(l -> m.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return m;
    }

    /**
     * Keeps every worker thread of the server's HTTP pool busy at once with a slow request to {@code base}, so that
     * none still holds an earlier request (of an undeployed application) on its stack: more concurrent requests than
     * the pool has threads (Undertow: 16 per core), twice over.
     */
    static void busyEveryWorker(URL base, int concurrent) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(concurrent);
        try {
            List<java.util.concurrent.Future<?>> requests = new java.util.ArrayList<>();
            for (int i = 0; i < concurrent * 2; i++) {
                requests.add(pool.submit(() -> get(base, "api/bridge/sleep?ms=200")));
            }
            for (java.util.concurrent.Future<?> f : requests) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether some line contains every fragment (fragments such as {@code "origin":"jul"}). */
    static boolean hasLine(List<String> lines, String... fragments) {
        return lines.stream().anyMatch(l -> java.util.Arrays.stream(fragments).allMatch(l::contains));
    }

    static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
