package dev.fapilog.sink.http;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code http} (catalogue 5.1): POSTs batches to {@code url} as {@code ndjson} (default), {@code array} or
 * {@code wrapped}; {@code compress} ({@code none} or {@code gzip}); {@code headers} ({@code Name=Value} pairs);
 * {@code auth} ({@code none}, {@code basic} with {@code username}/{@code password}, {@code bearer} with
 * {@code token}); {@code connect-timeout} and {@code request-timeout} (keep it below {@code sink.http.timeout}, the
 * write deadline). Values of headers, passwords and tokens are never printed.
 */
public final class HttpSinkProvider implements SinkProvider {
    static final PluginOption URL =
            PluginOption.text("url", null, "an http:// or https:// URL", HttpSinkProvider::isUrl);
    static final PluginOption FORMAT = PluginOption.oneOf("format", "ndjson", "ndjson", "array", "wrapped");
    static final PluginOption COMPRESS = PluginOption.oneOf("compress", "none", "none", "gzip");
    static final PluginOption HEADERS =
            PluginOption.list("headers", "none", "Name=Value pairs", v -> v.indexOf('=') > 0);
    static final PluginOption AUTH = PluginOption.oneOf("auth", "none", "none", "basic", "bearer");
    static final PluginOption USERNAME = PluginOption.text("username", null, "a user name", v -> !v.isBlank());
    static final PluginOption PASSWORD = PluginOption.text("password", null, "a password", v -> !v.isEmpty());
    static final PluginOption TOKEN = PluginOption.text("token", null, "a bearer token", v -> !v.isBlank());
    static final PluginOption CONNECT_TIMEOUT = PluginOption.duration("connect-timeout", "2s", Duration.ofMinutes(1));
    static final PluginOption REQUEST_TIMEOUT = PluginOption.duration("request-timeout", "4s", Duration.ofMinutes(10));

    @Override
    public String name() {
        return "http";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                URL, FORMAT, COMPRESS, HEADERS, AUTH, USERNAME, PASSWORD, TOKEN, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    @Override
    public Sink create(PluginConfig config) {
        String key = "fapilog.sink." + config.pluginName() + ".";
        String url = config.option("url");
        if (url == null) {
            throw new IllegalArgumentException(key + "url is required");
        }
        List<String[]> headers = new ArrayList<>();
        for (String pair : config.list("headers")) {
            int eq = pair.indexOf('=');
            headers.add(new String[] {
                pair.substring(0, eq).trim(), pair.substring(eq + 1).trim()
            });
        }
        return new HttpSink(new HttpSink.Settings(
                config.pluginName(),
                URI.create(url.trim()),
                config.option("format").toLowerCase(Locale.ROOT),
                "gzip".equalsIgnoreCase(config.option("compress")),
                headers,
                authorization(config, key),
                config.duration("connect-timeout"),
                config.duration("request-timeout"),
                null));
    }

    /** The {@code headers} option as name/value pairs. */
    static List<String[]> headers(PluginConfig config) {
        List<String[]> headers = new ArrayList<>();
        for (String pair : config.list("headers")) {
            int eq = pair.indexOf('=');
            headers.add(new String[] {
                pair.substring(0, eq).trim(), pair.substring(eq + 1).trim()
            });
        }
        return headers;
    }

    private static String authorization(PluginConfig config, String key) {
        switch (config.option("auth").toLowerCase(Locale.ROOT)) {
            case "basic":
                String user = config.option("username");
                String password = config.option("password");
                if (user == null || password == null) {
                    throw new IllegalArgumentException(
                            key + "username and " + key + "password are required with auth=basic");
                }
                return "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            case "bearer":
                String token = config.option("token");
                if (token == null) {
                    throw new IllegalArgumentException(key + "token is required with auth=bearer");
                }
                return "Bearer " + token;
            default:
                return null;
        }
    }

    private static boolean isUrl(String v) {
        try {
            URI u = URI.create(v.trim());
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
