package dev.fapilog.sink.http;

import dev.fapilog.config.EnvironmentFacts;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code otlp} sink's settings, from its options and the standard OpenTelemetry exporter variables. For each
 * setting the first that is set wins: the {@code fapilog.sink.otlp.*} option, the logs-specific variable
 * ({@code OTEL_EXPORTER_OTLP_LOGS_*}), the general one ({@code OTEL_EXPORTER_OTLP_*}), the default. Headers from the
 * variables come before the option's. The resource is the runtime's facts, then {@code OTEL_RESOURCE_ATTRIBUTES},
 * then {@code OTEL_SERVICE_NAME}, then the sink's {@code resource-attributes} option.
 */
record OtlpSettings(
        URI endpoint,
        boolean json,
        boolean gzip,
        Duration requestTimeout,
        List<String[]> headers,
        Map<String, Object> resource) {

    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:4318/v1/logs";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(4);

    /**
     * @param option the sink's option values ({@code null} when not set)
     * @param shared the runtime's shared settings ({@code service.name}, {@code service.version},
     *     {@code service.environment})
     * @param env the process environment
     * @throws IllegalArgumentException naming the option or variable whose value cannot be used
     */
    static OtlpSettings resolve(
            String keyPrefix,
            Function<String, String> option,
            Function<String, String> shared,
            Map<String, String> env) {
        String endpoint = option.apply("endpoint");
        String endpointFrom = keyPrefix + "endpoint";
        if (endpoint == null && set(env, "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT")) {
            endpoint = env.get("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT").trim();
            endpointFrom = "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT";
        }
        if (endpoint == null && set(env, "OTEL_EXPORTER_OTLP_ENDPOINT")) {
            String base = env.get("OTEL_EXPORTER_OTLP_ENDPOINT").trim();
            endpoint = (base.endsWith("/") ? base : base + "/") + "v1/logs";
            endpointFrom = "OTEL_EXPORTER_OTLP_ENDPOINT";
        }
        if (endpoint == null) {
            endpoint = DEFAULT_ENDPOINT;
        }
        if (!HttpOptions.isUrl(endpoint)) {
            throw new IllegalArgumentException(
                    endpointFrom + "=" + endpoint + ": an http:// or https:// URL is needed");
        }

        String protocol = first(option, env, "protocol", "PROTOCOL", "http/protobuf");
        boolean json =
                switch (protocol.toLowerCase(Locale.ROOT)) {
                    case "http/protobuf" -> false;
                    case "http/json" -> true;
                    default ->
                        throw new IllegalArgumentException("the OTLP protocol " + protocol
                                + " (from the sink's protocol option or OTEL_EXPORTER_OTLP_"
                                + "[LOGS_]PROTOCOL) is not supported: use http/protobuf or http/json");
                };
        String compression = first(option, env, "compress", "COMPRESSION", "none");
        if (!compression.equalsIgnoreCase("gzip") && !compression.equalsIgnoreCase("none")) {
            throw new IllegalArgumentException(
                    "the OTLP compression " + compression + " is not supported: use gzip or none");
        }
        Duration timeout = DEFAULT_TIMEOUT; // an explicit request-timeout option replaces it (read by the provider)
        if (option.apply("request-timeout") == null) {
            String ms = variable(env, "TIMEOUT");
            if (ms != null) {
                try {
                    timeout = Duration.ofMillis(Long.parseLong(ms.trim()));
                } catch (NumberFormatException notMillis) {
                    throw new IllegalArgumentException(
                            "OTEL_EXPORTER_OTLP_[LOGS_]TIMEOUT=" + ms + ": milliseconds as a whole number");
                }
            }
        }
        List<String[]> headers = new ArrayList<>();
        String fromEnv = variable(env, "HEADERS");
        if (fromEnv != null) {
            headers.addAll(keyValues(fromEnv, "OTEL_EXPORTER_OTLP_[LOGS_]HEADERS"));
        }
        return new OtlpSettings(
                URI.create(endpoint),
                json,
                compression.equalsIgnoreCase("gzip"),
                timeout,
                headers,
                resource(option, shared, env));
    }

    private static Map<String, Object> resource(
            Function<String, String> option, Function<String, String> shared, Map<String, String> env) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service.name", shared.apply("service.name"));
        putIfSet(r, "service.version", shared.apply("service.version"));
        putIfSet(r, "deployment.environment.name", shared.apply("service.environment"));
        r.put("host.name", EnvironmentFacts.hostName());
        r.put("process.pid", ProcessHandle.current().pid());
        r.put("process.runtime.name", System.getProperty("java.runtime.name", "java"));
        r.put("process.runtime.version", System.getProperty("java.runtime.version", "?"));
        r.put("telemetry.sdk.name", "fapilog-jakarta");
        r.put("telemetry.sdk.language", "java");
        if (set(env, "OTEL_RESOURCE_ATTRIBUTES")) {
            for (String[] kv : keyValues(env.get("OTEL_RESOURCE_ATTRIBUTES"), "OTEL_RESOURCE_ATTRIBUTES")) {
                r.put(kv[0], kv[1]);
            }
        }
        if (set(env, "OTEL_SERVICE_NAME")) {
            r.put("service.name", env.get("OTEL_SERVICE_NAME").trim());
        }
        String own = option.apply("resource-attributes");
        if (own != null && !own.isBlank() && !own.trim().equalsIgnoreCase("none")) {
            for (String[] kv : HttpOptions.pairs(List.of(own.split(",")))) {
                r.put(kv[0], kv[1]);
            }
        }
        return r;
    }

    /** The option, else {@code OTEL_EXPORTER_OTLP_LOGS_<suffix>}, else {@code OTEL_EXPORTER_OTLP_<suffix>}. */
    private static String first(
            Function<String, String> option, Map<String, String> env, String key, String suffix, String otherwise) {
        String v = option.apply(key);
        if (v != null) {
            return v.trim();
        }
        v = variable(env, suffix);
        return v != null ? v.trim() : otherwise;
    }

    private static String variable(Map<String, String> env, String suffix) {
        if (set(env, "OTEL_EXPORTER_OTLP_LOGS_" + suffix)) {
            return env.get("OTEL_EXPORTER_OTLP_LOGS_" + suffix);
        }
        return set(env, "OTEL_EXPORTER_OTLP_" + suffix) ? env.get("OTEL_EXPORTER_OTLP_" + suffix) : null;
    }

    /** {@code key1=value1,key2=value2} with percent-encoded values, as the OpenTelemetry variables write them. */
    static List<String[]> keyValues(String text, String from) {
        List<String[]> out = new ArrayList<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(from + ": entries look like key=value (one has no key)");
            }
            String value = entry.substring(eq + 1).trim();
            try {
                value = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                throw new IllegalArgumentException(from + ": a value has an invalid %-escape");
            }
            out.add(new String[] {entry.substring(0, eq).trim(), value});
        }
        return out;
    }

    private static boolean set(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }

    private static void putIfSet(Map<String, Object> r, String key, String value) {
        if (value != null && !value.isBlank()) {
            r.put(key, value);
        }
    }
}
