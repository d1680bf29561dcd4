package dev.fapilog.jaxrs;

import dev.fapilog.ConfigProblem;
import dev.fapilog.Level;
import dev.fapilog.config.ConfigReader;
import dev.fapilog.config.KeySuggestions;
import dev.fapilog.config.ProblemCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The JAX-RS integration's settings, keys under {@code fapilog.jaxrs.}; every key and default is in
 * {@link #DEFAULTS} and in {@code docs/reference/configuration.md}. Immutable.
 *
 * @param enabled the whole integration (filters, request logger context, completion logs)
 * @param requestIdHeader the header carrying the correlation id
 * @param echoRequestId whether the correlation id is set on the response under the same header
 * @param userIdHeader header whose value becomes {@code context.user_id}, or {@code null}
 * @param tenantIdHeader header whose value becomes {@code context.tenant_id}, or {@code null}
 * @param skipPaths paths that get no completion event, as globs: exact ({@code /health}), {@code *} within one
 *     segment ({@code /api/*}{@code /health}, {@code /static/app-*.js}), {@code **} across segments
 *     ({@code /metrics/**})
 * @param sampleRate share of successful requests that get a completion event; failures are never sampled away
 * @param logErrorsOnSkippedPaths whether a failed request on a skipped path is still logged
 * @param logHeaders whether request headers are logged (lower-cased, sensitive ones redacted)
 * @param redactedHeaders lower-case header names whose values are replaced by the mask
 * @param allowedHeaders when not empty, only these headers are logged
 * @param levels the completion event's level per status class: index 1 for 1xx ... 5 for 5xx
 * @param failureStackTrace whether {@code request_failed} carries the exception's stack trace
 */
public record JaxrsSettings(
        boolean enabled,
        String requestIdHeader,
        boolean echoRequestId,
        String userIdHeader,
        String tenantIdHeader,
        List<Pattern> skipPaths,
        double sampleRate,
        boolean logErrorsOnSkippedPaths,
        boolean logHeaders,
        Set<String> redactedHeaders,
        Set<String> allowedHeaders,
        List<Level> levels,
        boolean failureStackTrace) {

    /** The headers that are always redacted when headers are logged. */
    public static final Set<String> SENSITIVE_HEADERS = Set.of(
            "authorization",
            "cookie",
            "set-cookie",
            "proxy-authorization",
            "x-api-key",
            "x-auth-token",
            "x-csrf-token",
            "x-forwarded-authorization",
            "www-authenticate");

    /** Every key with its default, without the {@code fapilog.} prefix. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new TreeMap<>();
        d.put("jaxrs.enabled", "true");
        d.put("jaxrs.request-id.header", "X-Request-ID");
        d.put("jaxrs.request-id.echo", "true");
        d.put("jaxrs.user-id.header", "none");
        d.put("jaxrs.tenant-id.header", "none");
        d.put("jaxrs.skip-paths", "none");
        d.put("jaxrs.sample-rate", "1.0");
        d.put("jaxrs.log-errors-on-skipped-paths", "true");
        d.put("jaxrs.headers.log", "false");
        d.put("jaxrs.headers.redact", "none");
        d.put("jaxrs.headers.allow", "none");
        d.put("jaxrs.level.1xx", "INFO");
        d.put("jaxrs.level.2xx", "INFO");
        d.put("jaxrs.level.3xx", "INFO");
        d.put("jaxrs.level.4xx", "INFO");
        d.put("jaxrs.level.5xx", "INFO");
        d.put("jaxrs.failure.stack-trace", "true");
        DEFAULTS = java.util.Collections.unmodifiableMap(d);
    }

    /** The defaults. */
    public static JaxrsSettings defaults() {
        return parse(Map.of(), new ArrayList<>());
    }

    /**
     * Reads the {@code jaxrs.*} keys of {@code given}; every problem is added to {@code problems} and the default is
     * used in its place.
     */
    public static JaxrsSettings parse(Map<String, String> given, List<ConfigProblem> problems) {
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (DEFAULTS.containsKey(e.getKey())) {
                v.put(e.getKey(), e.getValue() == null ? "" : e.getValue().trim());
            } else {
                problems.add(new ConfigProblem(
                        ProblemCodes.UNKNOWN_KEY,
                        e.getKey(),
                        e.getValue(),
                        "no such setting" + KeySuggestions.suggestion(e.getKey(), DEFAULTS.keySet())));
            }
        }
        ConfigReader c = ConfigReader.of(v, problems);
        Reader r = new Reader(c);
        List<Level> levels = new ArrayList<>();
        levels.add(Level.INFO); // index 0 is unused: status classes are 1 to 5
        for (int status = 1; status <= 5; status++) {
            levels.add(c.level("jaxrs.level." + status + "xx", Level.INFO));
        }
        Set<String> redacted = new LinkedHashSet<>(SENSITIVE_HEADERS);
        redacted.addAll(r.headerNames("jaxrs.headers.redact"));
        return new JaxrsSettings(
                c.bool("jaxrs.enabled"),
                r.header("jaxrs.request-id.header", false),
                c.bool("jaxrs.request-id.echo"),
                r.header("jaxrs.user-id.header", true),
                r.header("jaxrs.tenant-id.header", true),
                r.paths("jaxrs.skip-paths"),
                c.rate("jaxrs.sample-rate", 1.0),
                c.bool("jaxrs.log-errors-on-skipped-paths"),
                c.bool("jaxrs.headers.log"),
                Set.copyOf(redacted),
                Set.copyOf(r.headerNames("jaxrs.headers.allow")),
                List.copyOf(levels),
                c.bool("jaxrs.failure.stack-trace"));
    }

    /** The level of the completion event for this status. */
    public Level levelFor(int status) {
        int c = status / 100;
        return c >= 1 && c <= 5 ? levels.get(c) : levels.get(5);
    }

    /** Whether {@code path} (starting with {@code /}, relative to the application) is skipped. */
    public boolean isSkipped(String path) {
        for (Pattern p : skipPaths) {
            if (p.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A path glob as a regular expression: {@code **} any characters, {@code *} any but {@code /}, the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < glob.length(); i++) {
            if (glob.charAt(i) != '*') {
                continue;
            }
            if (i > literalStart) {
                re.append(Pattern.quote(glob.substring(literalStart, i)));
            }
            if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else {
                re.append("[^/]*");
            }
            literalStart = i + 1;
        }
        if (literalStart < glob.length()) {
            re.append(Pattern.quote(glob.substring(literalStart)));
        }
        return Pattern.compile(re.toString());
    }

    /** The readers of header names and path globs, which only this integration has. */
    private static final class Reader {
        private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

        private final ConfigReader values;

        Reader(ConfigReader values) {
            this.values = values;
        }

        String header(String key, boolean optional) {
            String raw = values.raw(key);
            if (optional && (raw.isEmpty() || raw.equalsIgnoreCase("none"))) {
                return null;
            }
            if (!TOKEN.matcher(raw).matches() || raw.length() > 128) {
                values.problem(
                        ProblemCodes.BAD_VALUE,
                        key,
                        raw,
                        "an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)" + (optional ? ", or none" : ""));
                return optional ? null : DEFAULTS.get(key);
            }
            return raw;
        }

        Set<String> headerNames(String key) {
            Set<String> out = new LinkedHashSet<>();
            for (String name : values.list(key)) {
                if (TOKEN.matcher(name).matches()) {
                    out.add(name.toLowerCase(Locale.ROOT));
                } else {
                    values.problem(
                            ProblemCodes.BAD_VALUE, key, values.raw(key), "a comma-separated list of header names");
                    break;
                }
            }
            return out;
        }

        List<Pattern> paths(String key) {
            List<Pattern> out = new ArrayList<>();
            for (String p : values.list(key)) {
                if (!p.startsWith("/") || p.contains("***")) {
                    values.problem(
                            ProblemCodes.BAD_VALUE,
                            key,
                            values.raw(key),
                            "comma-separated path globs starting with '/': exact (/health), '*' within a segment"
                                    + " (/api/*/health), '**' across segments (/metrics/**)");
                    break;
                }
                out.add(glob(p));
            }
            return List.copyOf(out);
        }
    }
}
