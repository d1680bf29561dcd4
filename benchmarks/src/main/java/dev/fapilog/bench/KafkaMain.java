package dev.fapilog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fapilog.Fapilog;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.sink.kafka.KafkaBroker;
import dev.fapilog.testing.MemorySink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Events/s to a local Kafka broker (KRaft, 127.0.0.1, started in its own JVM as the sink's tests start theirs): the
 * {@code kafka} sink with its defaults behind the default runtime ({@code backpressure.policy=wait}, nothing dropped),
 * or a plain {@code KafkaProducer} with Kafka's own producer defaults (acks=all, idempotence, linger.ms=5) sending the
 * same JSON line for every record, keyed the same way (the client's physical limit: no capture, no encoding). One producer thread; the time runs from the
 * first measured call until the library's drain or flush returned; the records are counted on the broker (the topic's
 * end offsets), not trusted from the library.
 *
 * <p>Arguments: library ({@code fapilog} or {@code kafka-producer}), events, result.json, working directory
 */
public final class KafkaMain {
    private static final String TOPIC = "bench-log";

    public static void main(String[] args) throws Exception {
        String library = args[0];
        int events = Integer.parseInt(args[1]);
        Path result = Path.of(args[2]);
        Path work = Path.of(args[3]);
        int warm = Math.max(2_000, Math.min(events / 5, 50_000));
        try (KafkaBroker broker = KafkaBroker.start(work.resolve("broker-" + library))) {
            Properties admin = new Properties();
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
            try (Admin a = Admin.create(admin)) {
                broker.createTopics(3, TOPIC);
                long t0;
                long t1;
                long callerBytes;
                if (library.equals("fapilog")) {
                    LogRuntime rt = Fapilog.builder()
                            .name("bench")
                            .queueCapacity(Workload.QUEUE)
                            .waitWhenFull(Duration.ofSeconds(5))
                            .sinks("kafka")
                            .sinkOption("kafka", "bootstrap-servers", broker.bootstrap())
                            .sinkOption("kafka", "topic", TOPIC)
                            .shutdownHook(false)
                            .diagnosticsListener(line -> {})
                            .buildRuntime();
                    Logger log = rt.logger("bench");
                    LogContext.put("request_id", Workload.REQUEST_ID);
                    LogContext.put("tenant_id", Workload.TENANT_ID);
                    for (int i = 0; i < warm; i++) {
                        Workload.log(log, i);
                    }
                    rt.flush(Duration.ofMinutes(1));
                    long before = Threads.allocatedBytes(Thread.currentThread());
                    t0 = System.nanoTime();
                    for (int i = 0; i < events; i++) {
                        Workload.log(log, i);
                    }
                    callerBytes = Threads.allocatedBytes(Thread.currentThread()) - before;
                    rt.drain(Duration.ofMinutes(2));
                    t1 = System.nanoTime();
                } else {
                    byte[] line = sampleLine();
                    byte[] key = Workload.REQUEST_ID.getBytes(StandardCharsets.UTF_8);
                    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(broker))) {
                        for (int i = 0; i < warm; i++) {
                            producer.send(new ProducerRecord<>(TOPIC, key, line));
                        }
                        producer.flush();
                        long before = Threads.allocatedBytes(Thread.currentThread());
                        t0 = System.nanoTime();
                        for (int i = 0; i < events; i++) {
                            producer.send(new ProducerRecord<>(TOPIC, key, line));
                        }
                        callerBytes = Threads.allocatedBytes(Thread.currentThread()) - before;
                        producer.flush();
                        t1 = System.nanoTime();
                    }
                }
                long onBroker = records(a) - warm;
                double seconds = (t1 - t0) / 1e9;
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("library", library);
                r.put("sent", events);
                r.put("on_broker", onBroker);
                r.put("seconds", seconds);
                r.put("events_per_second", onBroker / seconds);
                r.put("caller_bytes_per_event", callerBytes / (double) events);
                r.put(
                        "settings",
                        library.equals("fapilog")
                                ? "sinks=kafka with its defaults (acks=all, idempotence, linger.ms=0, key=correlation_id),"
                                        + " default enrichers and redaction, backpressure wait 5s, queue.capacity="
                                        + Workload.QUEUE
                                : "KafkaProducer<byte[],byte[]> with Kafka's defaults (acks=all, idempotence, "
                                        + "linger.ms=5), one pre-encoded envelope line as every value, the request id as key");
                new ObjectMapper().writeValue(result.toFile(), r);
            }
        }
        Runtime.getRuntime().halt(0);
    }

    /** Kafka 4's producer defaults, written out: acks=all, idempotence on, linger.ms=5. */
    private static Properties producerProperties(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /** One envelope line of the benchmark's event, as the default runtime writes it. */
    private static byte[] sampleLine() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = Fapilog.builder()
                .name("sample")
                .sinks()
                .plugin(sink)
                .shutdownHook(false)
                .diagnosticsListener(line -> {})
                .buildRuntime();
        try (LogContext.Scope s = LogContext.put("request_id", Workload.REQUEST_ID)) {
            LogContext.put("tenant_id", Workload.TENANT_ID);
            Workload.log(rt.logger("bench"), 1);
        }
        rt.drain(Duration.ofSeconds(5));
        return sink.lines().get(0).getBytes(StandardCharsets.UTF_8);
    }

    /** Records on the topic: the sum of its partitions' end offsets. */
    private static long records(Admin a) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = a
                .describeTopics(List.of(TOPIC))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(TOPIC)
                .partitions()
                .stream()
                .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p.partition()), p -> OffsetSpec.latest()));
        return a.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                .mapToLong(o -> o.offset())
                .sum();
    }
}
