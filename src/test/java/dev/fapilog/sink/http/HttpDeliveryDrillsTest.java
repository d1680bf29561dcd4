package dev.fapilog.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigurationException;
import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery every network sink shares, drilled against real receivers on 127.0.0.1: request limits and splitting,
 * a receiver's 413, an event too large for any request, a connection reset in the middle of a body, a receiver
 * restarted mid-run, and TLS with a self-signed key. Every drill ends with the accounting invariant and checks what
 * the receiver got: each event once (a request whose answer was lost may arrive twice, as at-least-once allows).
 */
class HttpDeliveryDrillsTest {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private Receiver receiver(int port) throws IOException {
        Receiver r = new Receiver(port);
        closing.add(r);
        return r;
    }

    private static LogRuntime runtime(String url, String... settings) {
        dev.fapilog.LoggerBuilder b = TestRuntimes.builder()
                .batchMaxSize(1024)
                .sinks("http")
                .setting("sink.http.url", url)
                .setting("sink.http.retry.backoff", "20ms");
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        return b.buildRuntime();
    }

    /** How many times each {@code seq} arrived, over every request's ndjson lines. */
    private static Map<Integer, Integer> arrivals(List<String> bodies) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (String body : bodies) {
            List<String> lines = body.lines().toList();
            JsonLines.checkLines(lines);
            for (String line : lines) {
                Matcher m = SEQ.matcher(line);
                assertThat(m.find()).as(line).isTrue();
                seen.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            }
        }
        return seen;
    }

    private static String padding(int chars) {
        return "x".repeat(chars);
    }

    @Test
    void aBatchIsSentAsRequestsWithinTheEventAndByteLimitsInOrder() throws Exception {
        Receiver r = receiver(0);
        LogRuntime rt = runtime(r.url(), "sink.http.max-request-bytes", "4KB", "sink.http.max-request-events", "7");
        Logger log = rt.logger("split");
        for (int i = 0; i < 40; i++) {
            log.info("sized", "seq", i, "pad", padding(i % 2 == 0 ? 40 : 600));
        }
        DrainResult d = rt.drain(Duration.ofSeconds(5));

        assertThat(d.delivered()).isEqualTo(40);
        assertThat(r.requests.size()).isGreaterThan(40 / 7);
        List<Integer> order = new ArrayList<>();
        for (Receiver.Request req : r.requests) {
            assertThat(req.raw().length).isLessThanOrEqualTo(4096);
            assertThat(req.body().lines().count()).isLessThanOrEqualTo(7);
            Matcher m = SEQ.matcher(req.body());
            while (m.find()) {
                order.add(Integer.parseInt(m.group(1)));
            }
        }
        assertThat(order).hasSize(40).isSorted();
        assertThat(d.stats().balanced()).isTrue();
    }

    @Test
    void a413HalvesTheRequestAndAnEventAboveTheLimitIsDroppedAndCounted() throws Exception {
        Receiver r = receiver(0);
        r.maxBody = 3000; // the receiver's own limit, lower than the sink's 4MB default
        LogRuntime rt = runtime(r.url());
        Logger log = rt.logger("limit");
        for (int i = 0; i < 30; i++) {
            log.info("sized", "seq", i, "pad", padding(i == 17 ? 5000 : 200));
        }
        DrainResult d = rt.drain(Duration.ofSeconds(5));

        Map<Integer, Integer> seen = arrivals(r.bodies());
        assertThat(seen).doesNotContainKey(17).hasSize(29);
        assertThat(seen.values()).containsOnly(1);
        assertThat(d.delivered()).isEqualTo(29);
        assertThat(d.droppedByReason()).containsExactlyEntriesOf(Map.of("event_too_large", 1L));
        assertThat(d.retries()).as("a 413 is not a retry").isZero();
        assertThat(d.stats().balanced()).isTrue();
    }

    @Test
    void aConnectionResetInTheMiddleOfABodyIsRetriedAndNothingIsLostOrDoubled() throws Exception {
        try (ResettingReceiver r = new ResettingReceiver(1)) {
            LogRuntime rt = runtime(r.url(), "sink.http.retry.max-attempts", "5");
            Logger log = rt.logger("reset");
            for (int i = 0; i < 50; i++) {
                log.info("reset drill", "seq", i, "pad", padding(300));
            }
            DrainResult d = rt.drain(Duration.ofSeconds(10));

            assertThat(r.resets.get()).isEqualTo(1);
            assertThat(d.delivered()).isEqualTo(50);
            assertThat(d.retries()).isGreaterThanOrEqualTo(1);
            Map<Integer, Integer> seen = arrivals(r.bodies);
            assertThat(seen).hasSize(50);
            assertThat(seen.values()).containsOnly(1); // the reset request never reached the receiver whole
            assertThat(d.stats().balanced()).isTrue();
        }
    }

    @Test
    void aReceiverRestartedMidRunLosesNothing() throws Exception {
        Receiver first = receiver(0);
        int port = first.port();
        LogRuntime rt = runtime(
                first.url(),
                "sink.http.retry.max-attempts",
                "50",
                "sink.http.retry.backoff",
                "50ms",
                "sink.http.timeout",
                "20s",
                "batch.timeout",
                "20ms",
                "backpressure.policy",
                "wait",
                "backpressure.wait",
                "10s");
        Logger log = rt.logger("restart");
        int total = 600;
        Receiver second = null;
        for (int i = 0; i < total; i++) {
            log.info("restart drill", "seq", i);
            if (i == 200) {
                first.close(); // down for about a second while events keep coming
            }
            if (i == 400) {
                second = receiver(port);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        DrainResult d = rt.drain(Duration.ofSeconds(20));

        List<String> bodies = new ArrayList<>(first.bodies());
        bodies.addAll(second.bodies());
        Map<Integer, Integer> seen = arrivals(bodies);
        assertThat(seen).hasSize(total);
        assertThat(d.delivered()).isEqualTo(total);
        assertThat(d.retries()).isPositive();
        long doubled = seen.values().stream().filter(n -> n > 1).count();
        assertThat(doubled).as("at most one request's events arrive twice").isLessThanOrEqualTo(1024);
        assertThat(d.stats().balanced()).isTrue();
    }

    @Test
    void tlsWithASelfSignedKeyIsTrustedThroughTheTrustStoreOnly(@TempDir Path dir) throws Exception {
        Path serverStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.pem");
        Path trustStore = dir.resolve("trust.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "receiver",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                serverStore.toString(),
                "-storepass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "receiver",
                "-keystore",
                serverStore.toString(),
                "-storepass",
                "changeit",
                "-file",
                cert.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "receiver",
                "-file",
                cert.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                "changeit");
        Receiver r = new Receiver(0, serverContext(serverStore));
        closing.add(r);
        assertThat(r.url()).startsWith("https://");

        LogRuntime trusting = runtime(
                r.url(), "sink.http.trust-store", trustStore.toString(), "sink.http.trust-store-password", "changeit");
        trusting.logger("tls").info("over tls", "seq", 1);
        DrainResult ok = trusting.drain(Duration.ofSeconds(5));
        assertThat(ok.delivered()).isEqualTo(1);
        assertThat(arrivals(r.bodies())).containsOnlyKeys(1);

        LogRuntime defaultTrust = runtime(r.url());
        defaultTrust.logger("tls").info("not trusted", "seq", 2);
        DrainResult refused = defaultTrust.drain(Duration.ofSeconds(5));
        assertThat(refused.failedByReason()).containsExactlyEntriesOf(Map.of("tls_error", 1L));
        assertThat(refused.retries())
                .as("an untrusted certificate is not retried")
                .isZero();
        assertThat(r.requests).hasSize(1);

        assertThatThrownBy(() -> runtime(
                        r.url(),
                        "sink.http.trust-store",
                        dir.resolve("missing.p12").toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("fapilog.sink.http.trust-store")
                .hasMessageNotContaining("changeit");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static SSLContext serverContext(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /**
     * A plain HTTP/1.1 receiver on a raw socket, so that it can do what a real network does: the first
     * {@code resetsLeft} requests are cut off by a TCP reset after part of their body arrived; the rest get 200.
     */
    static final class ResettingReceiver implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger resets = new AtomicInteger();
        private final Thread thread;

        ResettingReceiver(int resetsLeft) throws IOException {
            AtomicInteger left = new AtomicInteger(resetsLeft);
            thread = new Thread(
                    () -> {
                        while (!socket.isClosed()) {
                            try (Socket c = socket.accept()) {
                                serve(c, left);
                            } catch (IOException closedOrBroken) {
                                // next connection
                            }
                        }
                    },
                    "resetting-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/logs";
        }

        private void serve(Socket c, AtomicInteger resetsLeft) throws IOException {
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            while (true) {
                int length = -1;
                String line;
                boolean any = false;
                while (!(line = readLine(in)).isEmpty()) {
                    any = true;
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                if (!any) {
                    return; // the client closed the connection
                }
                if (resetsLeft.getAndDecrement() > 0) {
                    in.readNBytes(Math.max(1, length / 2));
                    resets.incrementAndGet();
                    c.setSoLinger(true, 0); // close with RST, half-way through the body
                    return;
                }
                bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }

        private static String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (b != '\r') {
                    line.write(b);
                }
            }
            if (b == -1 && line.size() == 0) {
                return "";
            }
            return line.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
