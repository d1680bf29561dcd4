package dev.fapilog.sink.kafka;

import dev.fapilog.spi.JsonText;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkContext;
import dev.fapilog.spi.SinkWriteException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Sends each line of a batch as one record and returns when the broker acknowledged every one of them: the
 * acknowledged prefix is committed ({@link SinkBatch#commit}), so a retry sends only what was not acknowledged; a
 * record larger than the producer's or broker's limit is {@code dropped(record_too_large)}; any other failure counts
 * the rest as {@code failed(kafka_<error>)} (retried when Kafka says it is retriable). Headers carry
 * {@code fapilog-schema} and {@code content-type}. The producer is made at start (it connects lazily, so a broker
 * that is down delays nothing) and closed at stop; its I/O thread is adopted ({@link SinkContext#adoptThread}), so what
 * the Kafka client logs there never re-enters the pipeline.
 */
final class KafkaSink implements Sink {
    private static final byte[] SCHEMA = "1.1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JSON = "application/json".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final Properties properties;
    private final TopicRules topics;
    private final String key;
    private final long deliveryTimeoutMs;
    private KafkaProducer<byte[], byte[]> producer;

    KafkaSink(String name, Properties properties, TopicRules topics, String key) {
        this.name = name;
        this.properties = properties;
        this.topics = topics;
        this.key = key;
        this.deliveryTimeoutMs = Long.parseLong(
                String.valueOf(properties.getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000")));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(SinkContext context) {
        producer = new KafkaProducer<>(properties);
        // The producer's I/O thread logs (through SLF4J) about the very connection trouble this sink would then have
        // to ship: adopted, what it logs goes to the diagnostics channel instead of the queue.
        String ioThread = "kafka-producer-network-thread | " + properties.get(ProducerConfig.CLIENT_ID_CONFIG);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(ioThread)) {
                context.adoptThread(t);
            }
        }
    }

    @Override
    public void write(SinkBatch batch) throws SinkWriteException, InterruptedException {
        int from = batch.committed();
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size() - from);
        for (int i = from; i < batch.size(); i++) {
            int start = batch.lineStart(i);
            byte[] value = Arrays.copyOfRange(batch.array(), start, batch.lineEnd(i) - 1);
            Map<String, Object> log = key.equals("none") && !topics.needLogger() ? Map.of() : logOf(value);
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                    topics.topicFor(batch.level(i), (String) log.get("logger")), null, keyOf(log), value);
            record.headers().add(new RecordHeader("fapilog-schema", SCHEMA));
            record.headers().add(new RecordHeader("content-type", JSON));
            Future<RecordMetadata> future;
            try {
                future = producer.send(record);
            } catch (RuntimeException refused) { // serialisation or a closed producer
                future = java.util.concurrent.CompletableFuture.failedFuture(refused);
            }
            sent.add(future);
            if (future.isDone() && failedBeforeSending(future)) {
                break; // no metadata within max.block.ms, say: the next send would wait as long again
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deliveryTimeoutMs + 1000);
        for (int k = 0; k < sent.size(); k++) {
            int line = from + k;
            try {
                sent.get(k).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof RecordTooLargeException) {
                    batch.drop(line, "record_too_large");
                    continue;
                }
                batch.commit(line);
                throw new SinkWriteException(
                        reason(cause), String.valueOf(cause), cause instanceof RetriableException, null, cause);
            } catch (TimeoutException late) {
                batch.commit(line);
                throw new SinkWriteException("kafka_timeout", "no acknowledgement in time", true, null, late);
            }
            batch.commit(line + 1);
        }
        if (from + sent.size() < batch.size()) { // never reached: the loop above stops only at a failed record
            throw new SinkWriteException("kafka_send_refused", "the producer refused a record", true, null, null);
        }
    }

    /** Whether a future the producer completed at once failed for a reason other than the record's size. */
    private static boolean failedBeforeSending(Future<RecordMetadata> f) {
        try {
            f.get();
            return false;
        } catch (ExecutionException e) {
            return !(e.getCause() instanceof RecordTooLargeException);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (java.util.concurrent.CancellationException e) {
            return true;
        }
    }

    /**
     * {@code kafka_} and the exception's name in snake case, without {@code Exception} ({@code kafka_timeout}); a
     * record whose topic never appeared in the metadata within {@code max.block.ms} is
     * {@code kafka_topic_unavailable}: the topic does not exist and the broker does not create topics, or no broker
     * answered.
     */
    static String reason(Throwable cause) {
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException
                && String.valueOf(cause.getMessage()).contains("not present in metadata")) {
            return "kafka_topic_unavailable";
        }
        String simple =
                cause == null ? "error" : cause.getClass().getSimpleName().replace("Exception", "");
        String snake = simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        String reason = "kafka_" + snake.replaceAll("[^a-z0-9_]", "");
        return reason.length() > 40 ? reason.substring(0, 40) : reason;
    }

    /** The envelope's {@code log} object, read back; empty if the line cannot be read (never with our encoder). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> logOf(byte[] line) {
        try {
            Object log = ((Map<String, Object>) JsonText.parse(line, 0, line.length)).get("log");
            return log instanceof Map ? (Map<String, Object>) log : Map.of();
        } catch (RuntimeException unreadable) {
            return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    private byte[] keyOf(Map<String, Object> log) {
        Object v =
                switch (key) {
                    case "none" -> null;
                    case "logger" -> log.get("logger");
                    default ->
                        log.get("context") instanceof Map ? ((Map<String, Object>) log.get("context")).get(key) : null;
                };
        return v == null ? null : v.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void stop() {
        producer.close(Duration.ofSeconds(2));
    }
}
