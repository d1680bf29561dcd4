package dev.fapilog.sink.http;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code http} (catalogue 5.1): POSTs batches to {@code url} as {@code ndjson} (default), {@code array} or
 * {@code wrapped}; {@code compress} ({@code none} or {@code gzip}); and the options every network sink has
 * ({@link HttpOptions}): {@code headers} ({@code Name=Value} pairs), {@code auth} ({@code none}, {@code basic} with
 * {@code username}/{@code password}, {@code bearer} with {@code token}), {@code connect-timeout} and
 * {@code request-timeout} (keep it below {@code sink.http.timeout}, the write deadline), {@code trust-store},
 * {@code max-request-bytes} and {@code max-request-events}. Values of headers, passwords and tokens are never printed.
 */
public final class HttpSinkProvider implements SinkProvider {
    static final PluginOption URL = PluginOption.text("url", null, "an http:// or https:// URL", HttpOptions::isUrl);
    static final PluginOption FORMAT = PluginOption.oneOf("format", "ndjson", "ndjson", "array", "wrapped");

    @Override
    public String name() {
        return "http";
    }

    @Override
    public List<PluginOption> options() {
        List<PluginOption> options = new ArrayList<>(List.of(URL, FORMAT, HttpOptions.COMPRESS));
        options.addAll(HttpOptions.connectionOptions());
        return options;
    }

    @Override
    public Sink create(PluginConfig config) {
        URI url = URI.create(HttpOptions.required(config, "url"));
        boolean gzip = "gzip".equalsIgnoreCase(config.option("compress"));
        return new HttpSink(
                config.pluginName(),
                HttpOptions.connection(config, url, gzip, List.of()),
                new LinesPayload(config.option("format")),
                null);
    }
}
