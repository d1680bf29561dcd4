package dev.fapilog.sink.http;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * {@code webhook} (catalogue 5.1): the {@code http} sink's delivery, signed as fapilog signs
 * ({@link WebhookSignature}) with {@code secret}; the body is a JSON array of the batch's events by default
 * ({@code format}: {@code array}, {@code ndjson} or {@code wrapped}); never gzipped, so the signature covers what the
 * receiver reads. The secret is never printed.
 */
public final class WebhookSinkProvider implements SinkProvider {
    static final PluginOption SECRET = PluginOption.text("secret", null, "the shared secret", v -> !v.isEmpty());
    static final PluginOption FORMAT = PluginOption.oneOf("format", "array", "array", "ndjson", "wrapped");

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                HttpSinkProvider.URL,
                SECRET,
                FORMAT,
                HttpSinkProvider.HEADERS,
                HttpSinkProvider.CONNECT_TIMEOUT,
                HttpSinkProvider.REQUEST_TIMEOUT);
    }

    @Override
    public Sink create(PluginConfig config) {
        String key = "fapilog.sink." + config.pluginName() + ".";
        String url = config.option("url");
        String secret = config.option("secret");
        if (url == null || secret == null) {
            throw new IllegalArgumentException(key + "url and " + key + "secret are required");
        }
        return new HttpSink(new HttpSink.Settings(
                config.pluginName(),
                URI.create(url.trim()),
                config.option("format").toLowerCase(Locale.ROOT),
                false,
                HttpSinkProvider.headers(config),
                null,
                config.duration("connect-timeout"),
                config.duration("request-timeout"),
                secret));
    }
}
