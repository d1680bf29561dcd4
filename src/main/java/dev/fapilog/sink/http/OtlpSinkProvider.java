package dev.fapilog.sink.http;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code otlp}: OpenTelemetry logs over OTLP/HTTP to a collector or any OTLP receiver (Loki 3, vendors), encoded by
 * the sink itself ({@link OtlpProtobuf}, {@link OtlpJson}; no dependency). {@code endpoint} (default
 * {@code http://127.0.0.1:4318/v1/logs}), {@code protocol} ({@code http/protobuf} or {@code http/json}),
 * {@code compress}, {@code request-timeout} and headers also come from the standard {@code OTEL_EXPORTER_OTLP_*}
 * variables, and the resource from {@code OTEL_SERVICE_NAME} and {@code OTEL_RESOURCE_ATTRIBUTES}
 * ({@link OtlpSettings}); {@code resource-attributes} adds {@code key=value} pairs. The record mapping is
 * {@link OtlpRecord}'s. The rest is the delivery every network sink shares.
 */
public final class OtlpSinkProvider implements SinkProvider {
    static final PluginOption ENDPOINT = PluginOption.text(
            "endpoint",
            null,
            "an http:// or https:// URL (default " + OtlpSettings.DEFAULT_ENDPOINT + ")",
            HttpOptions::isUrl);
    static final PluginOption PROTOCOL = PluginOption.oneOf("protocol", null, "http/protobuf", "http/json");
    static final PluginOption COMPRESS = PluginOption.oneOf("compress", null, "none", "gzip");
    static final PluginOption REQUEST_TIMEOUT = PluginOption.duration("request-timeout", null, Duration.ofMinutes(10));
    static final PluginOption RESOURCE_ATTRIBUTES =
            PluginOption.list("resource-attributes", "none", "key=value pairs", v -> v.indexOf('=') > 0);

    private final Map<String, String> env;

    public OtlpSinkProvider() {
        this(System.getenv());
    }

    OtlpSinkProvider(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "otlp";
    }

    @Override
    public List<PluginOption> options() {
        List<PluginOption> options = new ArrayList<>(List.of(ENDPOINT, PROTOCOL, COMPRESS, RESOURCE_ATTRIBUTES));
        options.addAll(HttpOptions.connectionOptions(REQUEST_TIMEOUT));
        return options;
    }

    @Override
    public Sink create(PluginConfig config) {
        OtlpSettings s = settings(config);
        Duration timeout =
                config.option("request-timeout") != null ? config.duration("request-timeout") : s.requestTimeout();
        return new HttpSink(
                config.pluginName(),
                HttpOptions.connection(config, s.endpoint(), s.gzip(), s.headers(), timeout),
                new OtlpPayload(s.json(), s.resource()),
                null);
    }

    OtlpSettings settings(PluginConfig config) {
        return OtlpSettings.resolve(HttpOptions.keyPrefix(config), config::option, config::shared, env);
    }
}
