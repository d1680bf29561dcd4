package dev.fapilog.sink.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code http} sink against a real HTTP receiver on 127.0.0.1 (the JDK's {@code HttpServer}). */
class HttpSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void stop() {
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver(int port) throws IOException {
        Receiver r = new Receiver(port);
        receivers.add(r);
        return r;
    }

    private static LogRuntime runtime(String url, String... settings) {
        dev.fapilog.LoggerBuilder b = TestRuntimes.builder()
                .sinks("http")
                .setting("sink.http.url", url)
                .setting("sink.http.retry.backoff", "10ms");
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        return b.buildRuntime();
    }

    @Test
    void postsNdjsonArrayAndWrappedBatchesWithHeadersAuthAndGzip() throws Exception {
        Receiver r = receiver(0);
        for (String format : List.of("ndjson", "array", "wrapped")) {
            LogRuntime rt = runtime(
                    r.url(),
                    "sink.http.format",
                    format,
                    "sink.http.compress",
                    "gzip",
                    "sink.http.headers",
                    "X-Tenant=acme, X-Env=test",
                    "sink.http.auth",
                    "bearer",
                    "sink.http.token",
                    "t0ken");
            for (int i = 0; i < 3; i++) {
                rt.logger("h").info("event", "i", i);
            }
            assertThat(rt.drain(Duration.ofSeconds(5)).delivered()).isEqualTo(3);
        }
        assertThat(r.requests).hasSize(3);
        List<String> ndjson = r.requests.get(0).body().lines().toList();
        assertThat(JsonLines.checkLines(ndjson)).hasSize(3);
        JsonNode array = JSON.readTree(r.requests.get(1).body());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(3);
        JsonNode wrapped = JSON.readTree(r.requests.get(2).body()).get("logs");
        assertThat(wrapped).hasSize(3);
        for (JsonNode e : wrapped) {
            JsonLines.checkText(e.toString());
        }
        Map<String, List<String>> h = r.requests.get(0).headers();
        assertThat(h.get("Authorization")).containsExactly("Bearer t0ken");
        assertThat(h.get("X-tenant")).containsExactly("acme");
        assertThat(h.get("Content-type")).containsExactly("application/x-ndjson");
        assertThat(r.requests.get(1).headers().get("Content-type")).containsExactly("application/json");
    }

    @Test
    void aRejectionIsNotRetriedAndCountsUnderItsStatus() throws Exception {
        Receiver r = receiver(0);
        r.script.add(new int[] {400, -1, 0});
        LogRuntime rt = runtime(r.url());
        rt.logger("h").info("rejected");
        DrainResult d = rt.drain(Duration.ofSeconds(5));
        assertThat(r.requests).hasSize(1);
        assertThat(d.failedByReason()).containsExactlyEntriesOf(Map.of("http_400", 1L));
    }

    @Test
    void webhookRequestsAreSignedAsFapilogSignsAndTheReceiverCheckRejectsReplaysAndTampering() throws Exception {
        Receiver r = receiver(0);
        LogRuntime rt = TestRuntimes.builder()
                .sinks("webhook")
                .setting("sink.webhook.url", r.url())
                .setting("sink.webhook.secret", "s3cret-key")
                .buildRuntime();
        rt.logger("w").info("signed", "n", 1);
        rt.logger("w").info("signed", "n", 2);
        assertThat(rt.drain(Duration.ofSeconds(5)).delivered()).isEqualTo(2);

        Receiver.Request req = r.requests.get(0);
        byte[] body = req.body().getBytes(StandardCharsets.UTF_8);
        String ts = req.header("X-Fapilog-Timestamp");
        // The receiver's own HMAC, written here from the specification, not with the sink's code.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("s3cret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((ts + ".").getBytes(StandardCharsets.UTF_8));
        String expected = "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        assertThat(req.header("X-Fapilog-Signature-256")).isEqualTo(expected);
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)))
                .isLessThan(60);
        assertThat(JSON.readTree(req.body())).hasSize(2); // a JSON array by default

        WebhookSignature check = new WebhookSignature("s3cret-key");
        long now = Long.parseLong(ts);
        assertThat(check.verify(ts, expected, body, now + 10, 300)).isTrue();
        assertThat(check.verify(ts, expected, body, now + 301, 300))
                .as("replayed too late")
                .isFalse();
        byte[] tampered = req.body().replace("signed", "forged").getBytes(StandardCharsets.UTF_8);
        assertThat(check.verify(ts, expected, tampered, now, 300))
                .as("body changed")
                .isFalse();
        assertThat(new WebhookSignature("other").verify(ts, expected, body, now, 300))
                .isFalse();
    }

    @Test
    void aBadValueOfASecretOptionIsReportedWithoutTheValue() {
        assertThatThrownBy(() -> runtime(
                        "http://127.0.0.1:1/logs",
                        "sink.http.headers",
                        "Authorization: Bearer s3cr3t-t0ken",
                        "sink.http.auth",
                        "bearer",
                        "sink.http.token",
                        " "))
                .isInstanceOf(dev.fapilog.ConfigurationException.class)
                .hasMessageContaining("fapilog.sink.http.headers = '***'")
                .hasMessageContaining("fapilog.sink.http.token = '***'")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        assertThat(HttpResponses.retryAfter("120", now)).isEqualTo(Duration.ofSeconds(120));
        assertThat(HttpResponses.retryAfter("Sat, 05 Dec 2026 10:00:30 GMT", now))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpResponses.retryAfter("Sat, 05 Dec 2026 09:00:00 GMT", now))
                .isEqualTo(Duration.ZERO);
        assertThat(HttpResponses.retryAfter("soon", now)).isNull();
        assertThat(HttpResponses.failureOf(503, java.util.Optional.empty(), now).isRetryable())
                .isTrue();
        assertThat(HttpResponses.failureOf(501, java.util.Optional.empty(), now).isRetryable())
                .isFalse();
        assertThat(HttpResponses.failureOf(204, java.util.Optional.empty(), now))
                .isNull();
    }
}
