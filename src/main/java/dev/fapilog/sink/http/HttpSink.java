package dev.fapilog.sink.http;

import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkContext;
import dev.fapilog.spi.SinkWriteException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * {@code http}: POSTs each batch to a URL on the JDK's {@link HttpClient}, as {@code ndjson} (the lines as they are),
 * {@code array} (a JSON array of the events) or {@code wrapped} ({@code {"logs":[...]}}), optionally gzipped, with
 * headers and basic or bearer authentication from the settings. A batch counts as delivered when the receiver answered
 * 2xx; the status decides whether it is retried ({@link HttpResponses}). Nothing is sent at start, so a receiver that
 * is down never delays or fails the application's start: its batches fail, are retried, and open the breaker.
 */
final class HttpSink implements Sink {
    /** Settings of one {@code http} sink. */
    record Settings(
            String name,
            URI url,
            String format,
            boolean gzip,
            List<String[]> headers,
            String authorization,
            Duration connectTimeout,
            Duration requestTimeout,
            String signingSecret) {}

    private final Settings settings;
    private HttpClient client;
    private WebhookSignature signature; // webhook only; made on the sink's thread, which alone uses it

    HttpSink(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public void start(SinkContext context) {
        client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        if (settings.signingSecret() != null) {
            signature = new WebhookSignature(settings.signingSecret());
        }
    }

    @Override
    public void write(SinkBatch batch) throws IOException, SinkWriteException, InterruptedException {
        if (batch.size() == 0) {
            return;
        }
        byte[] body = body(batch);
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", contentType());
        if (signature != null) { // signed over the body as sent (webhooks are never gzipped)
            long now = Instant.now().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP, Long.toString(now));
            request.header(WebhookSignature.SIGNATURE, signature.sign(now, body));
        }
        if (settings.gzip()) {
            body = gzip(body);
            request.header("Content-Encoding", "gzip");
        }
        for (String[] h : settings.headers()) {
            request.header(h[0], h[1]);
        }
        if (settings.authorization() != null) {
            request.header("Authorization", settings.authorization());
        }
        HttpResponse<Void> response;
        try {
            response = client.send(
                    request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException slow) {
            throw new SinkWriteException("http_timeout", "no answer in time: " + slow.getMessage(), true, null, slow);
        } catch (ConnectException refused) {
            throw new SinkWriteException("connection_refused", "could not connect", true, null, refused);
        } catch (IOException broken) {
            throw new SinkWriteException("connection_error", broken.toString(), true, null, broken);
        }
        SinkWriteException failure = HttpResponses.failureOf(
                response.statusCode(), response.headers().firstValue("Retry-After"), Instant.now());
        if (failure != null) {
            throw failure;
        }
    }

    private String contentType() {
        return settings.format().equals("ndjson") ? "application/x-ndjson" : "application/json";
    }

    /** The batch's lines as the chosen format; the lines are JSON envelopes already. */
    private byte[] body(SinkBatch batch) {
        if (settings.format().equals("ndjson")) {
            byte[] out = new byte[batch.length()];
            System.arraycopy(batch.array(), batch.offset(), out, 0, batch.length());
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.length() + 16);
        boolean wrapped = settings.format().equals("wrapped");
        if (wrapped) {
            out.writeBytes("{\"logs\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.write('[');
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            int start = batch.lineStart(i);
            out.write(batch.array(), start, batch.lineEnd(i) - 1 - start); // without the '\n'
        }
        out.write(']');
        if (wrapped) {
            out.write('}');
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }
}
