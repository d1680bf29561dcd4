package dev.fapilog.sink.kafka;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code kafka} (artifact {@code dev.fapilog:fapilog-kafka}): each event a record of {@code topic} (or the first
 * matching of {@code topic-rules}, see {@link TopicRules}) on the cluster at
 * {@code bootstrap-servers}, keyed by {@code key} ({@code correlation_id} by default, so one request stays in one
 * partition; {@code message_id}, {@code logger} or {@code none}), with {@code acks=all} and idempotence on, the
 * {@code compression} chosen, and any producer property as {@code producer.<property>} (values never printed). The
 * producer keeps Kafka's {@code delivery.timeout.ms} (2 minutes) and waits at most {@code max.block.ms} (10 s here)
 * for metadata, and the sink's write deadline defaults to {@link #defaultTimeout()} (150 s) so that it covers both: a
 * broker restart is ridden out with nothing lost, and when {@code write} returns every record's fate is known.
 */
public final class KafkaSinkProvider implements SinkProvider {
    static final PluginOption BOOTSTRAP =
            PluginOption.text("bootstrap-servers", null, "host:port pairs, comma-separated", v -> !v.isBlank());
    static final PluginOption TOPIC = PluginOption.text(
            "topic",
            "fapilog-logs",
            "a Kafka topic name: 1 to 249 of [a-zA-Z0-9._-]",
            v -> v.matches(TopicRules.TOPIC));
    static final PluginOption TOPIC_RULES = PluginOption.list(
            "topic-rules",
            "none",
            "LEVEL=topic, LEVEL+=topic or logger:prefix=topic, tried in order",
            TopicRules::isRule);
    static final PluginOption KEY =
            PluginOption.oneOf("key", "correlation_id", "correlation_id", "message_id", "logger", "none");
    static final PluginOption COMPRESSION =
            PluginOption.oneOf("compression", "none", "none", "gzip", "snappy", "lz4", "zstd");
    static final PluginOption PRODUCER = PluginOption.prefix("producer.", "any Kafka producer property", v -> true)
            .asSecret();

    /**
     * What the sink sets unless {@code producer.<property>} says otherwise. {@code request.timeout.ms=5000}: a produce
     * request whose answer never came (seen now and then with idempotence on a loaded test machine) is retried after
     * 5 s instead of Kafka's 30 s, so a batch's acknowledgement is not held up for half a minute.
     * {@code max.in.flight.requests.per.connection=1}: with Kafka's 5, a batch's acknowledgements now and then did not
     * come until the delivery timeout although the broker had stored its records (KafkaSinkTest: about 1 run in 4;
     * none in 4 with 1). The cause is not known yet (issue 16's note); one request at a time is the safe default. {@code linger.ms=0}: the worker hands the
     * sink whole batches and the sink waits for their acknowledgement, so lingering only adds its time to every batch
     * (measured: 30.6 K events/s with Kafka's 5 ms, 41.3 K with 0, to a local broker).
     */
    static final Map<String, String> PRODUCER_DEFAULTS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1",
            ProducerConfig.LINGER_MS_CONFIG, "0");

    private static final java.util.concurrent.atomic.AtomicLong PRODUCERS =
            new java.util.concurrent.atomic.AtomicLong();

    /** {@code max.block.ms} (10 s) + Kafka's {@code delivery.timeout.ms} (120 s) + a margin. */
    static final java.time.Duration WRITE_DEADLINE = java.time.Duration.ofSeconds(150);

    @Override
    public String name() {
        return "kafka";
    }

    /**
     * A write waits for the broker's acknowledgements, which a broker restart delays by seconds: the deadline covers
     * the producer's own timeouts instead of the runtime's 5 s. {@code sink.kafka.timeout} (or {@code sink.timeout})
     * replaces it; keep it above {@code producer.max.block.ms} + {@code producer.delivery.timeout.ms}.
     */
    @Override
    public java.time.Duration defaultTimeout() {
        return WRITE_DEADLINE;
    }

    @Override
    public List<PluginOption> options() {
        return List.of(BOOTSTRAP, TOPIC, TOPIC_RULES, KEY, COMPRESSION, PRODUCER);
    }

    @Override
    public Sink create(PluginConfig config) {
        String prefix = "fapilog.sink." + config.pluginName() + ".";
        String servers = config.option("bootstrap-servers");
        if (servers == null) {
            throw new IllegalArgumentException(prefix + "bootstrap-servers is required");
        }
        Properties p = new Properties();
        p.putAll(PRODUCER_DEFAULTS);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.trim());
        p.put(
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                config.option("compression").toLowerCase(Locale.ROOT));
        // Unique per producer in this JVM: two producers with one client.id (two runtimes of one name, or a redeployed
        // application whose old runtime is still closing) stalled each other's idempotent sends in the tests, 2 runs
        // in 5, for the whole drain.
        p.put(
                ProducerConfig.CLIENT_ID_CONFIG,
                "fapilog-" + config.runtimeName() + "-" + config.pluginName() + "-" + PRODUCERS.incrementAndGet());
        p.putAll(config.prefixed("producer."));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaSink(
                config.pluginName(),
                p,
                TopicRules.parse(
                        config.list("topic-rules"), config.option("topic").trim()),
                config.option("key").toLowerCase(Locale.ROOT));
    }
}
