package dev.fapilog.sink.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * A log receiver on 127.0.0.1 for the network sinks' tests (the JDK's {@code HttpServer}): answers from a script (then
 * 200), answers 413 to a body above {@link #maxBody}, and keeps every request it got, decompressed.
 */
final class Receiver implements AutoCloseable {
    record Request(String path, byte[] raw, Map<String, List<String>> headers, long nanoTime) {
        String body() {
            return new String(raw, StandardCharsets.UTF_8);
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    final HttpServer server;
    final Deque<int[]> script = new ConcurrentLinkedDeque<>(); // {status, retryAfterSeconds or -1, delayMs}
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    /** Bodies larger than this (after decompression) get 413 and are not kept. */
    volatile int maxBody = Integer.MAX_VALUE;

    Receiver(int port) throws IOException {
        this(port, null);
    }

    /** With {@code tls}, an HTTPS receiver using that context's key. */
    Receiver(int port, SSLContext tls) throws IOException {
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", port);
        if (tls == null) {
            server = HttpServer.create(at, 0);
        } else {
            HttpsServer https = HttpsServer.create(at, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
                    raw = in.readAllBytes();
                }
            }
            if (raw.length > maxBody) {
                exchange.sendResponseHeaders(413, -1);
                exchange.close();
                return;
            }
            requests.add(new Request(
                    exchange.getRequestURI().getPath(),
                    raw,
                    Map.copyOf(exchange.getRequestHeaders()),
                    System.nanoTime()));
            int[] next = script.poll();
            int status = next == null ? 200 : next[0];
            if (next != null && next[2] > 0) {
                LockSupport.parkNanos(next[2] * 1_000_000L);
            }
            if (next != null && next[1] >= 0) {
                exchange.getResponseHeaders().add("Retry-After", Integer.toString(next[1]));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + port() + "/logs";
    }

    /** Every request's body, in arrival order. */
    List<String> bodies() {
        synchronized (requests) {
            return requests.stream().map(Request::body).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
