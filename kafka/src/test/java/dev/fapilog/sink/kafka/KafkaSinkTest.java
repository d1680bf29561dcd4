package dev.fapilog.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fapilog.ConfigurationException;
import dev.fapilog.DrainResult;
import dev.fapilog.Fapilog;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kafka} sink against a real broker (KRaft, 127.0.0.1, child JVM); every record is consumed back with a
 * real consumer and checked.
 */
class KafkaSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker(@TempDir Path dir) throws Exception {
        broker = KafkaBroker.start(dir, "message.max.bytes=10000");
        // Created up front, one partition each: auto-creation and Kafka's partitioning are not what these tests are
        // about. Now and then idempotent batches went unacknowledged for up to the delivery timeout although the broker
        // had stored them (then resent: 177 records for 100 events in one CI run), with three partitions and with one;
        // an open bug of issue 16, made rare by the sink's max.in.flight.requests.per.connection=1.
        broker.createTopics(
                1, "orders-log", "sizes-log", "passthrough-log", "rest-log", "errors-log", "audit-log", "billing-log");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static LogRuntime runtime(String topic, String... settings) {
        return broker.runtime("kafka-test", topic, settings);
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int expected) {
        return broker.consume(topic, expected);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void everyEventIsARecordTheBrokerAcknowledgedKeyedByItsCorrelationId() throws Exception {
        LogRuntime rt = runtime("orders-log");
        Logger log = rt.logger("orders");
        for (int i = 0; i < 100; i++) {
            try (LogContext.Scope s = LogContext.put("correlation_id", "req-" + (i % 5))) {
                log.info("placed", "seq", i);
            }
        }
        DrainResult d = rt.drain(Duration.ofSeconds(150));
        assertThat(d.delivered()).as("%s", d).isEqualTo(100);
        assertThat(d.stats().balanced()).isTrue();

        List<ConsumerRecord<byte[], byte[]>> records = consume("orders-log", 100);
        assertThat(records).hasSize(100);
        Map<Integer, List<String>> keysByPartition = new java.util.HashMap<>();
        List<Integer> seqs = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            JsonNode envelope = JSON.readTree(r.value());
            assertThat(envelope.get("schema_version").asText()).isEqualTo("1.1");
            JsonNode logNode = envelope.get("log");
            String correlation = logNode.get("context").get("correlation_id").asText();
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(correlation);
            assertThat(header(r, "fapilog-schema")).isEqualTo("1.1");
            assertThat(header(r, "content-type")).isEqualTo("application/json");
            keysByPartition
                    .computeIfAbsent(r.partition(), k -> new ArrayList<>())
                    .add(correlation);
            seqs.add(logNode.get("data").get("seq").asInt());
        }
        assertThat(seqs)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.range(0, 100).boxed().toList());
        assertThat(keysByPartition.values().stream().flatMap(List::stream).distinct())
                .containsExactlyInAnyOrder("req-0", "req-1", "req-2", "req-3", "req-4");
    }

    @Test
    void topicRulesSendEachEventToTheFirstMatchingTopic() throws Exception {
        LogRuntime rt = runtime(
                "rest-log",
                "sink.kafka.topic-rules",
                "AUDIT=audit-log, ERROR+=errors-log, logger:billing=billing-log",
                "sink.kafka.key",
                "logger");
        rt.logger("orders").info("to the rest");
        rt.logger("orders").error("an error");
        rt.logger("orders").audit("an audit");
        rt.logger("billing.invoices").info("a bill");
        rt.logger("billing.invoices").critical("a failing bill");
        DrainResult d = rt.drain(Duration.ofSeconds(150));
        assertThat(d.delivered()).as("%s", d).isEqualTo(5);

        Map<String, List<String>> byTopic = new java.util.TreeMap<>();
        for (String topic : List.of("rest-log", "errors-log", "audit-log", "billing-log")) {
            for (ConsumerRecord<byte[], byte[]> r : consume(topic, topic.equals("errors-log") ? 2 : 1)) {
                byTopic.computeIfAbsent(topic, t -> new ArrayList<>())
                        .add(JSON.readTree(r.value()).get("log").get("message").asText());
                assertThat(new String(r.key(), StandardCharsets.UTF_8))
                        .isEqualTo(JSON.readTree(r.value())
                                .get("log")
                                .get("logger")
                                .asText());
            }
        }
        assertThat(byTopic)
                .containsEntry("rest-log", List.of("to the rest"))
                .containsEntry("audit-log", List.of("an audit"))
                .containsEntry("billing-log", List.of("a bill"));
        assertThat(byTopic.get("errors-log")).containsExactlyInAnyOrder("an error", "a failing bill");

        assertThatThrownBy(() -> runtime("x", "sink.kafka.topic-rules", "NOPE=errors"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("fapilog.sink.kafka.topic-rules");
    }

    @Test
    void aRecordAboveTheBrokersLimitIsDroppedAndCountedAndTheRestDelivered() {
        LogRuntime rt = runtime("sizes-log");
        Logger log = rt.logger("sizes");
        log.info("small", "seq", 1);
        log.info("large", "seq", 2, "pad", "x".repeat(15_000)); // message.max.bytes=10000 on this broker
        log.info("small", "seq", 3);
        DrainResult d = rt.drain(Duration.ofSeconds(150));

        assertThat(d.delivered()).as("%s", d).isEqualTo(2);
        assertThat(d.droppedByReason()).containsExactlyEntriesOf(Map.of("record_too_large", 1L));
        assertThat(d.stats().balanced()).isTrue();
        assertThat(consume("sizes-log", 2)).hasSize(2);
    }

    @Test
    void aBrokerThatIsDownAtStartDelaysNothingAndItsEventsAreCounted() throws Exception {
        long start = System.nanoTime();
        LogRuntime rt = Fapilog.builder()
                .name("kafka-down")
                .sinks("kafka")
                .shutdownHook(false)
                .diagnosticsListener(line -> {})
                .setting("sink.kafka.bootstrap-servers", "127.0.0.1:1")
                .setting("sink.kafka.retry.max-attempts", "1")
                .setting("sink.kafka.producer.max.block.ms", "1000")
                .buildRuntime();
        rt.logger("down").info("nobody listens");
        assertThat(System.nanoTime() - start)
                .as("start and log call")
                .isLessThan(Duration.ofSeconds(2).toNanos());
        DrainResult d = rt.drain(Duration.ofSeconds(150));
        assertThat(d.failed()).isEqualTo(1);
        assertThat(d.failedByReason()).containsExactlyEntriesOf(Map.of("kafka_topic_unavailable", 1L));
        assertThat(d.stats().balanced()).isTrue();
    }

    @Test
    void producerPropertiesPassThroughAndUnknownOptionsAreRejected() {
        assertThatThrownBy(() -> runtime("x", "sink.kafka.bogus", "1"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("fapilog.sink.kafka.bogus");
        assertThatThrownBy(() -> runtime(
                        "x",
                        "sink.kafka.producer.sasl.jaas.config",
                        "password=\"s3cr3t\"",
                        "sink.kafka.producer.acks",
                        "bogus"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("s3cr3t");
        LogRuntime rt = runtime("passthrough-log", "sink.kafka.producer.compression.type", "gzip");
        rt.logger("p").info("compressed");
        assertThat(rt.drain(Duration.ofSeconds(150)).delivered()).isEqualTo(1);
    }
}
