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
 * {@code kafka} (artifact {@code dev.fapilog:fapilog-kafka}): each event a record of {@code topic} on the cluster at
 * {@code bootstrap-servers}, keyed by {@code key} ({@code correlation_id} by default, so one request stays in one
 * partition; {@code message_id}, {@code logger} or {@code none}), with {@code acks=all} and idempotence on, the
 * {@code compression} chosen, and any producer property as {@code producer.<property>} (values never printed). The
 * producer waits at most {@code producer.max.block.ms} (2 s) for metadata and gives a record up after
 * {@code producer.delivery.timeout.ms} (4 s): both within the sink's 5 s write deadline, so a batch's fate is known
 * when {@code write} returns. Raise them together with {@code sink.kafka.timeout} to ride out longer broker outages.
 */
public final class KafkaSinkProvider implements SinkProvider {
    static final PluginOption BOOTSTRAP =
            PluginOption.text("bootstrap-servers", null, "host:port pairs, comma-separated", v -> !v.isBlank());
    static final PluginOption TOPIC = PluginOption.text(
            "topic",
            "fapilog-logs",
            "a Kafka topic name: 1 to 249 of [a-zA-Z0-9._-]",
            v -> v.matches("[a-zA-Z0-9._-]{1,249}"));
    static final PluginOption KEY =
            PluginOption.oneOf("key", "correlation_id", "correlation_id", "message_id", "logger", "none");
    static final PluginOption COMPRESSION =
            PluginOption.oneOf("compression", "none", "none", "gzip", "snappy", "lz4", "zstd");
    static final PluginOption PRODUCER = PluginOption.prefix("producer.", "any Kafka producer property", v -> true)
            .asSecret();

    /** What the sink sets unless {@code producer.<property>} says otherwise. */
    static final Map<String, String> PRODUCER_DEFAULTS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "4000",
            ProducerConfig.LINGER_MS_CONFIG, "5");

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(BOOTSTRAP, TOPIC, KEY, COMPRESSION, PRODUCER);
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
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "fapilog-" + config.runtimeName() + "-" + config.pluginName());
        p.putAll(config.prefixed("producer."));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaSink(
                config.pluginName(),
                p,
                config.option("topic").trim(),
                config.option("key").toLowerCase(Locale.ROOT));
    }
}
