package dev.fapilog.sink.http;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code loki} (catalogue 5.1): Grafana Loki's push API. {@code url} is the server's base URL (the sink posts to
 * {@code /loki/api/v1/push}); {@code labels} are static {@code key=value} pairs (default
 * {@code service_name=<service.name>}); {@code label-keys} promotes per-event values to labels (default
 * {@code level}; also {@code logger} or a path such as {@code context.tenant_id}), see {@link LokiPayload};
 * {@code tenant} is sent as {@code X-Scope-OrgID}; {@code compress}, authentication and the rest are the delivery every
 * network sink shares. Keep label values few: each distinct set is a stream in Loki.
 */
public final class LokiSinkProvider implements SinkProvider {
    static final String PUSH_PATH = "/loki/api/v1/push";
    static final PluginOption URL =
            PluginOption.text("url", null, "the Loki server's base http:// or https:// URL", HttpOptions::isUrl);
    static final PluginOption LABELS = PluginOption.list("labels", "none", "key=value pairs", v -> v.indexOf('=') > 0);
    static final PluginOption LABEL_KEYS = PluginOption.list(
            "label-keys", "level", "level, logger or field paths such as context.tenant_id", v -> !v.isBlank());
    static final PluginOption TENANT = PluginOption.text("tenant", null, "a tenant id", v -> !v.isBlank());

    @Override
    public String name() {
        return "loki";
    }

    @Override
    public List<PluginOption> options() {
        List<PluginOption> options = new ArrayList<>(List.of(URL, LABELS, LABEL_KEYS, TENANT, HttpOptions.COMPRESS));
        options.addAll(HttpOptions.connectionOptions());
        return options;
    }

    @Override
    public Sink create(PluginConfig config) {
        String base = HttpOptions.required(config, "url");
        URI push = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + PUSH_PATH);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("service_name", config.shared("service.name"));
        for (String[] kv : HttpOptions.pairs(config.list("labels"))) {
            labels.put(kv[0], kv[1]);
        }
        List<String[]> extra = new ArrayList<>();
        if (config.option("tenant") != null) {
            extra.add(new String[] {"X-Scope-OrgID", config.option("tenant").trim()});
        }
        return new HttpSink(
                config.pluginName(),
                HttpOptions.connection(config, push, "gzip".equalsIgnoreCase(config.option("compress")), extra),
                new LokiPayload(labels, config.list("label-keys")),
                null);
    }
}
