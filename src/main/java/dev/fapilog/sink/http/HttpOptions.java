package dev.fapilog.sink.http;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The options every network sink shares (headers, authentication, timeouts, TLS trust, request limits) and the
 * {@link Connection} made from them. Values of headers, passwords and tokens are never printed.
 */
final class HttpOptions {
    private HttpOptions() {}

    static final PluginOption COMPRESS = PluginOption.oneOf("compress", "none", "none", "gzip");
    static final PluginOption HEADERS = PluginOption.list(
                    "headers", "none", "Name=Value pairs", v -> v.indexOf('=') > 0)
            .asSecret();
    static final PluginOption AUTH = PluginOption.oneOf("auth", "none", "none", "basic", "bearer");
    static final PluginOption USERNAME = PluginOption.text("username", null, "a user name", v -> !v.isBlank());
    static final PluginOption PASSWORD =
            PluginOption.text("password", null, "a password", v -> !v.isEmpty()).asSecret();
    static final PluginOption TOKEN = PluginOption.text("token", null, "a bearer token", v -> !v.isBlank())
            .asSecret();
    static final PluginOption CONNECT_TIMEOUT = PluginOption.duration("connect-timeout", "2s", Duration.ofMinutes(1));
    static final PluginOption REQUEST_TIMEOUT = PluginOption.duration("request-timeout", "4s", Duration.ofMinutes(10));
    static final PluginOption TRUST_STORE =
            PluginOption.text("trust-store", null, "the path of a PKCS12 or JKS trust store", v -> !v.isBlank());
    static final PluginOption TRUST_STORE_PASSWORD = PluginOption.text(
                    "trust-store-password", null, "the trust store's password", v -> true)
            .asSecret();
    static final PluginOption TRUST_STORE_TYPE = PluginOption.oneOf("trust-store-type", "PKCS12", "PKCS12", "JKS");
    static final PluginOption MAX_REQUEST_BYTES =
            PluginOption.size("max-request-bytes", "4MB", 1024, 1024L * 1024 * 1024);
    static final PluginOption MAX_REQUEST_EVENTS = PluginOption.integer("max-request-events", "1000", 1, 1_000_000);

    /** Everything but the URL, the payload's own options and compression (which a signed webhook never uses). */
    static List<PluginOption> connectionOptions() {
        return connectionOptions(REQUEST_TIMEOUT);
    }

    /** As {@link #connectionOptions()}, with a sink's own {@code request-timeout} (OTLP's comes from the environment). */
    static List<PluginOption> connectionOptions(PluginOption requestTimeout) {
        return List.of(
                HEADERS,
                AUTH,
                USERNAME,
                PASSWORD,
                TOKEN,
                CONNECT_TIMEOUT,
                requestTimeout,
                TRUST_STORE,
                TRUST_STORE_PASSWORD,
                TRUST_STORE_TYPE,
                MAX_REQUEST_BYTES,
                MAX_REQUEST_EVENTS);
    }

    /** Where and how a sink sends its requests. */
    record Connection(
            URI url,
            boolean gzip,
            List<String[]> headers,
            String authorization,
            Duration connectTimeout,
            Duration requestTimeout,
            SSLContext tls,
            long maxRequestBytes,
            int maxRequestEvents) {}

    /**
     * The connection options of {@code config}, for {@code url}, with {@code extraHeaders} after the configured ones.
     *
     * @throws IllegalArgumentException naming the key, for missing credentials or an unreadable trust store
     */
    static Connection connection(PluginConfig config, URI url, boolean gzip, List<String[]> extraHeaders) {
        return connection(config, url, gzip, extraHeaders, config.duration("request-timeout"));
    }

    /** As above, with the request timeout decided by the sink. */
    static Connection connection(
            PluginConfig config, URI url, boolean gzip, List<String[]> extraHeaders, Duration requestTimeout) {
        String key = keyPrefix(config);
        List<String[]> headers = new ArrayList<>(pairs(config.list("headers")));
        headers.addAll(extraHeaders);
        return new Connection(
                url,
                gzip,
                List.copyOf(headers),
                authorization(config, key),
                config.duration("connect-timeout"),
                requestTimeout,
                tls(config, key),
                config.size("max-request-bytes"),
                config.integer("max-request-events"));
    }

    static String keyPrefix(PluginConfig config) {
        return "fapilog.sink." + config.pluginName() + ".";
    }

    /** The text of a required option, or an error naming its key. */
    static String required(PluginConfig config, String option) {
        String v = config.option(option);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(keyPrefix(config) + option + " is required");
        }
        return v.trim();
    }

    /** {@code Name=Value} entries as pairs, trimmed. */
    static List<String[]> pairs(List<String> entries) {
        List<String[]> out = new ArrayList<>();
        for (String pair : entries) {
            int eq = pair.indexOf('=');
            out.add(new String[] {
                pair.substring(0, eq).trim(), pair.substring(eq + 1).trim()
            });
        }
        return out;
    }

    static boolean isUrl(String v) {
        try {
            URI u = URI.create(v.trim());
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
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

    /**
     * An SSL context trusting the certificates of {@code trust-store} only, or {@code null} for the JVM's default
     * trust. Read once at start, so a missing or unreadable store fails the start with its key, not every request.
     */
    private static SSLContext tls(PluginConfig config, String key) {
        String path = config.option("trust-store");
        if (path == null) {
            return null;
        }
        String password = config.option("trust-store-password");
        try (InputStream in = Files.newInputStream(Path.of(path.trim()))) {
            KeyStore store =
                    KeyStore.getInstance(config.option("trust-store-type").toUpperCase(Locale.ROOT));
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception unreadable) {
            // The message names the key and the problem's kind, never the password.
            throw new IllegalArgumentException(
                    key + "trust-store: cannot read " + path.trim() + " as "
                            + config.option("trust-store-type") + " ("
                            + unreadable.getClass().getSimpleName() + ")",
                    null);
        }
    }
}
