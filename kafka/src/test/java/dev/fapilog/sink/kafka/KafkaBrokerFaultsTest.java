package dev.fapilog.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker faults against a real broker of its own (auto-creation of topics off, so a missing topic stays missing): a
 * topic that does not exist, and the broker killed mid-run and restarted about 10 s later, with the defaults (nothing
 * lost, nothing counted as failed that the broker received) and with a short delivery timeout (every loss counted).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaBrokerFaultsTest {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker(@TempDir Path dir) throws Exception {
        List<String> props = new java.util.ArrayList<>(List.of(KafkaBroker.QUICK_RESTART));
        props.add("auto.create.topics.enable=false");
        broker = KafkaBroker.start(dir, props.toArray(new String[0]));
        broker.createTopics(1, "restart-defaults", "restart-short");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static LogRuntime runtime(String topic, String... settings) {
        return broker.runtime("kafka-faults", topic, settings);
    }

    /** How many times each {@code seq} is on {@code topic}. */
    private static Map<Integer, Integer> onTopic(String topic, long expected) {
        Map<Integer, Integer> seen = new HashMap<>();
        for (var r : broker.consume(topic, expected)) {
            Matcher m = SEQ.matcher(new String(r.value(), StandardCharsets.UTF_8));
            assertThat(m.find()).isTrue();
            seen.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        return seen;
    }

    /** Logs {@code total} events at about 100 a second; the broker is killed after 2 s and restarted 10 s later. */
    private static void logThroughARestart(Logger log, int total) throws Exception {
        for (int i = 0; i < total; i++) {
            log.info("through a restart", "seq", i);
            if (i == 200) {
                broker.kill();
            }
            if (i == 1200) {
                broker.run();
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    @Test
    @Order(1)
    void aMissingTopicIsACodedFailure() {
        LogRuntime rt = runtime("no-such-topic", "sink.kafka.producer.max.block.ms", "1500");
        rt.logger("t").info("nowhere to go");
        DrainResult d = rt.drain(Duration.ofSeconds(20));
        assertThat(d.failedByReason()).containsExactlyEntriesOf(Map.of("kafka_topic_unavailable", 1L));
        assertThat(d.stats().balanced()).isTrue();
    }

    @Test
    @Order(2)
    void withTheDefaultsABrokerRestartLosesNothing() throws Exception {
        LogRuntime rt = runtime("restart-defaults");
        int total = 1500;
        logThroughARestart(rt.logger("r"), total);
        DrainResult d = rt.drain(Duration.ofSeconds(60));

        assertThat(d.delivered()).isEqualTo(total);
        assertThat(d.failed()).isZero();
        assertThat(d.dropped()).isZero();
        Map<Integer, Integer> seen = onTopic("restart-defaults", total);
        assertThat(seen).hasSize(total);
        assertThat(seen.values()).as("idempotence: no record twice").containsOnly(1);
        assertThat(d.stats().balanced()).isTrue();
    }

    @Test
    @Order(3)
    void withAShortDeliveryTimeoutEveryLossIsCounted() throws Exception {
        LogRuntime rt = runtime(
                "restart-short",
                "sink.kafka.retry.max-attempts",
                "1",
                "sink.kafka.producer.delivery.timeout.ms",
                "2000",
                "sink.kafka.producer.request.timeout.ms",
                "1000",
                "sink.kafka.producer.max.block.ms",
                "1000",
                "sink.kafka.producer.linger.ms",
                "0");
        int total = 1500;
        logThroughARestart(rt.logger("r"), total);
        DrainResult d = rt.drain(Duration.ofSeconds(60));

        assertThat(d.failed()).as("the outage outlasted the delivery timeout").isPositive();
        assertThat(d.delivered() + d.failed() + d.dropped()).isEqualTo(total);
        Map<Integer, Integer> seen = onTopic("restart-short", d.delivered());
        // Every record counted as delivered is on the topic; a record the producer gave up on may still have been
        // written before its timeout (Kafka cannot tell), so the topic may hold a few more, never fewer.
        assertThat((long) seen.size()).isGreaterThanOrEqualTo(d.delivered());
        assertThat(d.stats().balanced()).isTrue();
    }
}
