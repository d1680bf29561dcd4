package dev.fapilog.sink.http;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code webhook} (catalogue 5.1): the {@code http} sink's delivery, signed as fapilog signs
 * ({@link WebhookSignature}) with {@code secret}; the body is a JSON array of the batch's events by default
 * ({@code format}: {@code array}, {@code ndjson} or {@code wrapped}); never gzipped, so the signature covers what the
 * receiver reads. The secret is never printed.
 */
public final class WebhookSinkProvider implements SinkProvider {
    static final PluginOption SECRET = PluginOption.text("secret", null, "the shared secret", v -> !v.isEmpty())
            .asSecret();
    static final PluginOption FORMAT = PluginOption.oneOf("format", "array", "array", "ndjson", "wrapped");

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public List<PluginOption> options() {
        List<PluginOption> options = new ArrayList<>(List.of(HttpSinkProvider.URL, SECRET, FORMAT));
        options.addAll(HttpOptions.connectionOptions());
        return options;
    }

    @Override
    public Sink create(PluginConfig config) {
        URI url = URI.create(HttpOptions.required(config, "url"));
        String secret = HttpOptions.required(config, "secret");
        return new HttpSink(
                config.pluginName(),
                HttpOptions.connection(config, url, false, List.of()),
                new LinesPayload(config.option("format")),
                secret);
    }
}
