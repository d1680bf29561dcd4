package dev.fapilog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.fapilog.Fapilog;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events/s and bytes/event over OTLP/HTTP (protobuf, uncompressed) to a receiver on 127.0.0.1 in this JVM that
 * decodes every request with the official proto classes and counts the records: fapilog's {@code otlp} sink (the
 * default runtime, {@code backpressure.policy=wait} so nothing is dropped) or the OpenTelemetry Java SDK's
 * {@code OtlpHttpLogRecordExporter} behind its {@code BatchLogRecordProcessor} (queue of {@link Workload#QUEUE}, its
 * other defaults; it drops when its queue is full, and the drops are reported; {@code otel-sdk-lossless} gives it a
 * queue that holds every event, so its exporter's own speed shows). The same event: the benchmark's
 * message, user_id, amount, currency, request_id and tenant_id (the SDK has no logging context, so the last two are
 * attributes of every call). Time runs from the first measured call until the library's flush returned (every record
 * it still held acknowledged by the receiver).
 *
 * <p>Arguments: library ({@code fapilog}, {@code otel-sdk} or {@code otel-sdk-lossless}), events, result.json
 */
public final class OtlpMain {
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("request_id");
    private static final AttributeKey<String> TENANT_ID = AttributeKey.stringKey("tenant_id");
    private static final AttributeKey<Long> USER_ID = AttributeKey.longKey("user_id");
    private static final AttributeKey<Double> AMOUNT = AttributeKey.doubleKey("amount");
    private static final AttributeKey<String> CURRENCY = AttributeKey.stringKey("currency");

    /** Counts what arrives. */
    static final class Receiver {
        final AtomicLong records = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong requests = new AtomicLong();
        final HttpServer server;

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.createContext("/v1/logs", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int n = 0;
                for (ResourceLogs rl : ExportLogsServiceRequest.parseFrom(body).getResourceLogsList()) {
                    for (ScopeLogs sl : rl.getScopeLogsList()) {
                        n += sl.getLogRecordsCount();
                    }
                }
                bytes.addAndGet(body.length);
                requests.incrementAndGet();
                records.addAndGet(n);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String endpoint() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/logs";
        }
    }

    /** One library's way of logging the event. */
    private interface Emitter {
        void log(int i);

        void flush() throws Exception;

        void close() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String library = args[0];
        int events = Integer.parseInt(args[1]);
        Path result = Path.of(args[2]);
        Receiver receiver = new Receiver();
        int warm = Math.max(5_000, Math.min(events / 4, 200_000));
        Emitter emitter =
                switch (library) {
                    case "fapilog" -> fapilog(receiver.endpoint());
                    case "otel-sdk" -> otelSdk(receiver.endpoint(), Workload.QUEUE);
                    // a queue that holds every event: the exporter's own speed, with nothing dropped
                    case "otel-sdk-lossless" -> otelSdk(receiver.endpoint(), warm + events);
                    default -> throw new IllegalArgumentException(library);
                };

        for (int i = 0; i < warm; i++) {
            emitter.log(i);
        }
        emitter.flush();
        long recordsBefore = receiver.records.get();
        long bytesBefore = receiver.bytes.get();

        long callerBefore = Threads.allocatedBytes(Thread.currentThread());
        long t0 = System.nanoTime();
        for (int i = 0; i < events; i++) {
            emitter.log(i);
        }
        long callerBytes = Threads.allocatedBytes(Thread.currentThread()) - callerBefore;
        emitter.flush(); // returns once every record it still holds was acknowledged by the receiver
        long t1 = System.nanoTime();
        long received = receiver.records.get() - recordsBefore;
        long bytes = receiver.bytes.get() - bytesBefore;
        emitter.close();
        receiver.server.stop(0);

        double seconds = (t1 - t0) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("library", library);
        r.put("sent", events);
        r.put("received", received);
        r.put("lost", events - received);
        r.put("seconds", seconds);
        r.put("events_per_second", received / seconds);
        r.put("bytes_per_event", received == 0 ? 0 : bytes / (double) received);
        r.put("caller_bytes_per_event", callerBytes / (double) events);
        r.put("requests", receiver.requests.get());
        r.put(
                "settings",
                library.equals("fapilog")
                        ? "sinks=otlp (http/protobuf), default enrichers and redaction, backpressure wait 5s, "
                                + "queue.capacity=" + Workload.QUEUE + ", batch.max-size=256"
                        : "BatchLogRecordProcessor(maxQueueSize="
                                + (library.equals("otel-sdk") ? Workload.QUEUE : warm + events)
                                + ", other defaults: batch 512, delay 1s) + OtlpHttpLogRecordExporter (OkHttp)");
        new ObjectMapper().writeValue(result.toFile(), r);
        if (Boolean.getBoolean("bench.exit")) {
            System.exit(0); // runs shutdown hooks: a JFR recording (-XX:StartFlightRecording) is written
        }
        Runtime.getRuntime().halt(0); // do not wait for libraries' shutdown hooks
    }

    private static Emitter fapilog(String endpoint) {
        LogRuntime runtime = Fapilog.builder()
                .name("bench")
                .queueCapacity(Workload.QUEUE)
                .waitWhenFull(Duration.ofSeconds(5))
                .sinks("otlp")
                .sinkOption("otlp", "endpoint", endpoint)
                .shutdownHook(false)
                .diagnosticsListener(line -> {})
                .buildRuntime();
        Logger log = runtime.logger("bench");
        LogContext.put("request_id", Workload.REQUEST_ID);
        LogContext.put("tenant_id", Workload.TENANT_ID);
        return new Emitter() {
            @Override
            public void log(int i) {
                Workload.log(log, i);
            }

            @Override
            public void flush() {
                runtime.flush(Duration.ofMinutes(1));
            }

            @Override
            public void close() {
                runtime.drain(Duration.ofSeconds(30));
            }
        };
    }

    private static Emitter otelSdk(String endpoint, int queue) {
        SdkLoggerProvider provider = SdkLoggerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "bench"))))
                .addLogRecordProcessor(BatchLogRecordProcessor.builder(OtlpHttpLogRecordExporter.builder()
                                .setEndpoint(endpoint)
                                .build())
                        .setMaxQueueSize(queue)
                        .build())
                .build();
        io.opentelemetry.api.logs.Logger logger = provider.get("bench");
        return new Emitter() {
            @Override
            public void log(int i) {
                logger.logRecordBuilder()
                        .setSeverity(Severity.INFO)
                        .setSeverityText("INFO")
                        .setBody(Workload.MESSAGE)
                        .setAttribute(REQUEST_ID, Workload.REQUEST_ID)
                        .setAttribute(TENANT_ID, Workload.TENANT_ID)
                        .setAttribute(USER_ID, (long) Workload.userId(i))
                        .setAttribute(AMOUNT, Workload.AMOUNT)
                        .setAttribute(CURRENCY, Workload.CURRENCY)
                        .emit();
            }

            @Override
            public void flush() {
                provider.forceFlush().join(60, TimeUnit.SECONDS);
            }

            @Override
            public void close() {
                provider.shutdown().join(30, TimeUnit.SECONDS);
            }
        };
    }
}
