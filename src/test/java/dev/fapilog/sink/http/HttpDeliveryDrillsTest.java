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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The delivery every network sink shares, drilled for each of them ({@code http}, {@code webhook}, {@code otlp},
 * {@code loki}) against real receivers on 127.0.0.1: request limits and splitting, a receiver's 413, an event too large
 * for any request, 500s, 429 with {@code Retry-After}, a receiver down at start, one that never answers, a connection
 * reset in the middle of a body, a receiver restarted mid-run, and TLS with a self-signed key. Every drill ends with
 * the accounting invariant (in total and per sink) and checks what the receiver got: each event once, except that a
 * request whose answer was lost may arrive twice, as at-least-once delivery allows.
 */
class HttpDeliveryDrillsTest {
    private static final Pattern SEQ = Pattern.compile("seq\\\\?\":(\\d+)");
    private final List<AutoCloseable> closing = new ArrayList<>();

    /** One network sink: how to point it at a receiver, and how to read the events' {@code seq} out of a body. */
    enum Kind {
        HTTP("url"),
        WEBHOOK("url", "secret", "drill-secret"),
        OTLP("endpoint"),
        LOKI("url");

        final String urlKey;
        final String[] extra;

        Kind(String urlKey, String... extra) {
            this.urlKey = urlKey;
            this.extra = extra;
        }

        String sink() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The {@code seq} field of every event in one request body. */
        List<Integer> seqs(byte[] body) throws Exception {
            List<Integer> out = new ArrayList<>();
            if (this == OTLP) {
                for (Map.Entry<String, io.opentelemetry.proto.logs.v1.LogRecord> r : OtlpSinkTest.records(
                        List.of(io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest.parseFrom(body)))) {
                    out.add((int) OtlpSinkTest.attributes(r.getValue().getAttributesList())
                            .get("seq")
                            .getIntValue());
                }
                return out;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            if (this == HTTP) {
                JsonLines.checkLines(text.lines().toList());
            }
            Matcher m = SEQ.matcher(text);
            while (m.find()) {
                out.add(Integer.parseInt(m.group(1)));
            }
            return out;
        }
    }

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

    private static LogRuntime runtime(Kind kind, String url, String... settings) {
        String p = "sink." + kind.sink() + ".";
        dev.fapilog.LoggerBuilder b = TestRuntimes.builder()
                .batchMaxSize(1024)
                .sinks(kind.sink())
                .setting(p + kind.urlKey, url)
                .setting(p + "retry.backoff", "20ms");
        for (int i = 0; i < kind.extra.length; i += 2) {
            b.setting(p + kind.extra[i], kind.extra[i + 1]);
        }
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i].replace("sink.*.", p), settings[i + 1]);
        }
        return b.buildRuntime();
    }

    /** How many times each {@code seq} arrived, over the bodies. */
    private static Map<Integer, Integer> arrivals(Kind kind, List<byte[]> bodies) throws Exception {
        Map<Integer, Integer> seen = new HashMap<>();
        for (byte[] body : bodies) {
            for (int seq : kind.seqs(body)) {
                seen.merge(seq, 1, Integer::sum);
            }
        }
        return seen;
    }

    private static List<byte[]> raws(Receiver r) {
        synchronized (r.requests) {
            return r.requests.stream().map(Receiver.Request::raw).toList();
        }
    }

    private static String padding(int chars) {
        return "x".repeat(chars);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBatchIsSentAsRequestsWithinTheEventAndByteLimitsInOrder(Kind kind) throws Exception {
        Receiver r = receiver(0);
        LogRuntime rt = runtime(kind, r.url(), "sink.*.max-request-bytes", "4KB", "sink.*.max-request-events", "7");
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
            List<Integer> seqs = kind.seqs(req.raw());
            assertThat(seqs.size()).isLessThanOrEqualTo(7);
            order.addAll(seqs);
        }
        assertThat(order).hasSize(40).isSorted();
        assertThat(d.stats().balanced()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void a413HalvesTheRequestAndAnEventAboveTheLimitIsDroppedAndCounted(Kind kind) throws Exception {
        Receiver r = receiver(0);
        r.maxBody = 4000; // the receiver's own limit, lower than the sink's 4MB default
        LogRuntime rt = runtime(kind, r.url());
        Logger log = rt.logger("limit");
        for (int i = 0; i < 30; i++) {
            log.info("sized", "seq", i, "pad", padding(i == 17 ? 5000 : 200));
        }
        DrainResult d = rt.drain(Duration.ofSeconds(5));

        Map<Integer, Integer> seen = arrivals(kind, raws(r));
        assertThat(seen).doesNotContainKey(17).hasSize(29);
        assertThat(seen.values()).containsOnly(1);
        assertThat(d.delivered()).isEqualTo(29);
        assertThat(d.droppedByReason()).containsExactlyEntriesOf(Map.of("event_too_large", 1L));
        assertThat(d.retries()).as("a 413 is not a retry").isZero();
        assertThat(d.stats().balanced()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void serverErrorsAreRetriedAndRetryAfterIsHonoured(Kind kind) throws Exception {
        Receiver r = receiver(0);
        r.script.add(new int[] {500, -1, 0});
        r.script.add(new int[] {503, -1, 0});
        r.script.add(new int[] {429, 1, 0});
        LogRuntime rt = runtime(kind, r.url(), "sink.*.retry.max-attempts", "4");
        assertThat(r.requests).as("nothing is sent at start").isEmpty();
        rt.logger("h").info("eventually", "seq", 1);
        DrainResult d = rt.drain(Duration.ofSeconds(5));

        assertThat(d.delivered()).isEqualTo(1);
        assertThat(d.retries()).isEqualTo(3);
        assertThat(r.requests).hasSize(4);
        long afterRetryAfter = r.requests.get(3).nanoTime() - r.requests.get(2).nanoTime();
        assertThat(afterRetryAfter).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        assertThat(d.stats().balanced()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRejectionIsNotRetriedAndCountsUnderItsStatus(Kind kind) throws Exception {
        Receiver r = receiver(0);
        r.script.add(new int[] {401, -1, 0});
        LogRuntime rt = runtime(kind, r.url());
        rt.logger("h").info("rejected", "seq", 1);
        DrainResult d = rt.drain(Duration.ofSeconds(5));
        assertThat(r.requests).hasSize(1);
        assertThat(d.failedByReason()).containsExactlyEntriesOf(Map.of("http_401", 1L));
        assertThat(d.sinks().get(kind.sink()).failed()).isEqualTo(1);
        assertThat(d.stats().balanced()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReceiverDownAtStartDelaysNothingAndIsUsedOnceItIsUp(Kind kind) throws Exception {
        Receiver probe = receiver(0);
        int port = probe.port();
        String url = probe.url();
        probe.close(); // nothing listens there now
        long start = System.nanoTime();
        LogRuntime rt = runtime(kind, url, "sink.*.circuit.failure-threshold", "0");
        assertThat(System.nanoTime() - start)
                .as("the start never waits for the receiver")
                .isLessThan(Duration.ofSeconds(2).toNanos());
        rt.logger("h").info("while down", "seq", 1);
        rt.flush(Duration.ofSeconds(5));
        assertThat(rt.stats().failedByReason()).containsEntry("connection_refused", 1L);
        Receiver up = receiver(port);
        rt.logger("h").info("once up", "seq", 2);
        DrainResult d = rt.drain(Duration.ofSeconds(5));
        assertThat(arrivals(kind, raws(up))).containsOnlyKeys(2);
        assertThat(d.delivered()).isEqualTo(1);
        assertThat(d.stats().balanced()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReceiverThatNeverAnswersFailsAsATimeoutWithinTheDeadline(Kind kind) throws Exception {
        Receiver r = receiver(0);
        r.script.add(new int[] {200, -1, 1_200});
        r.script.add(new int[] {200, -1, 1_200});
        LogRuntime rt = runtime(kind, r.url(), "sink.*.request-timeout", "300ms", "sink.*.retry.max-attempts", "2");
        rt.logger("h").info("slow", "seq", 1);
        long start = System.nanoTime();
        DrainResult d = rt.drain(Duration.ofSeconds(5));
        assertThat(System.nanoTime() - start)
                .as("drain within its deadline")
                .isLessThan(Duration.ofSeconds(5).toNanos());
        assertThat(d.failedByReason()).containsExactlyEntriesOf(Map.of("http_timeout", 1L));
        assertThat(d.stats().balanced()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aConnectionResetInTheMiddleOfABodyIsRetriedAndNothingIsLostOrDoubled(Kind kind) throws Exception {
        try (ResettingReceiver r = new ResettingReceiver(1)) {
            LogRuntime rt = runtime(kind, r.url(), "sink.*.retry.max-attempts", "5");
            Logger log = rt.logger("reset");
            for (int i = 0; i < 50; i++) {
                log.info("reset drill", "seq", i, "pad", padding(300));
            }
            DrainResult d = rt.drain(Duration.ofSeconds(10));

            assertThat(r.resets.get()).isEqualTo(1);
            assertThat(d.delivered()).isEqualTo(50);
            assertThat(d.retries()).isGreaterThanOrEqualTo(1);
            Map<Integer, Integer> seen = arrivals(kind, r.bodies);
            assertThat(seen).hasSize(50);
            assertThat(seen.values()).containsOnly(1); // the reset request never reached the receiver whole
            assertThat(d.stats().balanced()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aReceiverRestartedMidRunLosesNothing(Kind kind) throws Exception {
        Receiver first = receiver(0);
        int port = first.port();
        LogRuntime rt = runtime(
                kind,
                first.url(),
                "sink.*.retry.max-attempts",
                "50",
                "sink.*.retry.backoff",
                "50ms",
                "sink.*.timeout",
                "20s",
                "batch.timeout",
                "20ms",
                "backpressure.policy",
                "wait",
                "backpressure.wait",
                "10s");
        Logger log = rt.logger("restart");
        int total = 300;
        Receiver second = null;
        for (int i = 0; i < total; i++) {
            log.info("restart drill", "seq", i);
            if (i == 100) {
                first.close(); // down for about half a second while events keep coming
            }
            if (i == 200) {
                second = receiver(port);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        DrainResult d = rt.drain(Duration.ofSeconds(20));

        List<byte[]> bodies = new ArrayList<>(raws(first));
        bodies.addAll(raws(second));
        Map<Integer, Integer> seen = arrivals(kind, bodies);
        assertThat(seen).hasSize(total);
        assertThat(d.delivered()).isEqualTo(total);
        assertThat(d.retries()).isPositive();
        long doubled = seen.values().stream().filter(n -> n > 1).count();
        assertThat(doubled).as("at most one request's events arrive twice").isLessThanOrEqualTo(1024);
        assertThat(d.stats().balanced()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void tlsWithASelfSignedKeyIsTrustedThroughTheTrustStoreOnly(Kind kind) throws Exception {
        Receiver r = new Receiver(0, serverContext(stores.resolve("server.p12")));
        closing.add(r);
        assertThat(r.url()).startsWith("https://");
        String trustStore = stores.resolve("trust.p12").toString();

        LogRuntime trusting =
                runtime(kind, r.url(), "sink.*.trust-store", trustStore, "sink.*.trust-store-password", "changeit");
        trusting.logger("tls").info("over tls", "seq", 1);
        DrainResult ok = trusting.drain(Duration.ofSeconds(5));
        assertThat(ok.delivered()).isEqualTo(1);
        assertThat(arrivals(kind, raws(r))).containsOnlyKeys(1);

        LogRuntime defaultTrust = runtime(kind, r.url());
        defaultTrust.logger("tls").info("not trusted", "seq", 2);
        DrainResult refused = defaultTrust.drain(Duration.ofSeconds(5));
        assertThat(refused.failedByReason()).containsExactlyEntriesOf(Map.of("tls_error", 1L));
        assertThat(refused.retries())
                .as("an untrusted certificate is not retried")
                .isZero();
        assertThat(r.requests).hasSize(1);

        String p = "fapilog.sink." + kind.sink() + ".";
        assertThatThrownBy(() -> runtime(
                        kind,
                        r.url(),
                        "sink.*.trust-store",
                        stores.resolve("missing.p12").toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(p + "trust-store")
                .hasMessageNotContaining("changeit");
    }

    /** A self-signed key for 127.0.0.1 and a trust store holding its certificate, made once with the JDK's keytool. */
    private static Path stores;

    @BeforeAll
    static void makeKeyStores(@TempDir Path dir) throws Exception {
        stores = dir;
        Path serverStore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.pem");
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
                dir.resolve("trust.p12").toString(),
                "-storepass",
                "changeit");
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
        final List<byte[]> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
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
                bodies.add(in.readNBytes(length));
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
