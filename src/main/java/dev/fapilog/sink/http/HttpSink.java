package dev.fapilog.sink.http;

import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkContext;
import dev.fapilog.spi.SinkWriteException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLException;

/**
 * The delivery every network sink shares, on the JDK's {@link HttpClient}: a batch is sent as one or more POST
 * requests of at most {@code max-request-events} events and {@code max-request-bytes} bytes (before compression), each
 * body made by the sink's {@link HttpPayload}. A request counts as delivered when the receiver answered 2xx; the
 * status decides whether it is retried ({@link HttpResponses}). The requests already acknowledged are committed to the
 * batch, so a retry never sends them again and a final failure counts only the rest. A 413 answer halves the request
 * (and lowers the limit for the requests after it); an event that alone exceeds the limit is dropped as
 * {@code event_too_large} for this sink. Nothing is sent at start, so a receiver that is down never delays or fails
 * the application's start: its batches fail, are retried, and open the breaker.
 */
final class HttpSink implements Sink {
    static final String TOO_LARGE = "event_too_large";

    private final String name;
    private final HttpOptions.Connection connection;
    private final HttpPayload payload;
    private final String signingSecret;
    private HttpClient client;
    private WebhookSignature signature; // webhook only; made on the sink's thread, which alone uses it
    /** The request size limit, lowered when the receiver answers 413 to a smaller body. */
    private long limit;

    HttpSink(String name, HttpOptions.Connection connection, HttpPayload payload, String signingSecret) {
        this.name = name;
        this.connection = connection;
        this.payload = payload;
        this.signingSecret = signingSecret;
        this.limit = connection.maxRequestBytes();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(SinkContext context) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .connectTimeout(connection.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (connection.tls() != null) {
            b.sslContext(connection.tls());
        }
        client = b.build();
        if (signingSecret != null) {
            signature = new WebhookSignature(signingSecret);
        }
    }

    @Override
    public void write(SinkBatch batch) throws IOException, SinkWriteException, InterruptedException {
        int from = batch.committed();
        while (from < batch.size()) {
            int to = Math.min(batch.size(), from + connection.maxRequestEvents());
            to = withinLimit(batch, from, to);
            byte[] body = payload.encode(batch, from, to);
            while (body.length > limit && to - from > 1) {
                to = from + (to - from) / 2;
                body = payload.encode(batch, from, to);
            }
            if (body.length > limit) {
                batch.drop(from, TOO_LARGE);
                batch.commit(++from);
                continue;
            }
            if (send(body)) {
                batch.commit(to);
                from = to;
            } else { // 413: the receiver's limit is below this body; try again smaller, without a retry's wait
                limit = Math.max(1, body.length - 1L);
            }
        }
    }

    /** Shortens {@code [from, to)} so that its lines (a close guess of the body's size) fit the limit. */
    private int withinLimit(SinkBatch batch, int from, int to) {
        int start = batch.lineStart(from);
        int end = from + 1;
        while (end < to && batch.lineEnd(end) - start <= limit) {
            end++;
        }
        return end;
    }

    /** Sends one body; {@code false} when the receiver answered 413, else throws for anything but 2xx. */
    private boolean send(byte[] body) throws IOException, SinkWriteException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(connection.url())
                .timeout(connection.requestTimeout())
                .header("Content-Type", payload.contentType());
        if (signature != null) { // signed over the body as sent (webhooks are never gzipped)
            long now = Instant.now().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP, Long.toString(now));
            request.header(WebhookSignature.SIGNATURE, signature.sign(now, body));
        }
        if (connection.gzip()) {
            body = gzip(body);
            request.header("Content-Encoding", "gzip");
        }
        for (String[] h : connection.headers()) {
            request.header(h[0], h[1]);
        }
        if (connection.authorization() != null) {
            request.header("Authorization", connection.authorization());
        }
        HttpResponse<Void> response;
        try {
            response = client.send(
                    request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException slow) {
            throw new SinkWriteException("http_timeout", "no answer in time: " + slow.getMessage(), true, null, slow);
        } catch (SSLException untrusted) {
            // A certificate the trust store does not accept or a protocol mismatch: repeating will not help.
            throw new SinkWriteException("tls_error", untrusted.toString(), false, null, untrusted);
        } catch (ConnectException refused) {
            throw new SinkWriteException("connection_refused", "could not connect", true, null, refused);
        } catch (IOException broken) {
            throw new SinkWriteException("connection_error", broken.toString(), true, null, broken);
        }
        if (response.statusCode() == 413 && body.length > 1) {
            return false;
        }
        SinkWriteException failure = HttpResponses.failureOf(
                response.statusCode(), response.headers().firstValue("Retry-After"), Instant.now());
        if (failure != null) {
            throw failure;
        }
        return true;
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.toByteArray();
    }
}
