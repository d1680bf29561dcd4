package dev.fapilog.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The keys under {@code sink.<name>.}: the delivery keys every sink has ({@link EngineSettings.SinkDelivery#KEYS}),
 * read into per-sink overrides, and the sink's own options, collected for its provider.
 *
 * @param overrides per-sink delivery, for sinks that set any delivery key
 * @param options the sink's own options by sink name, not yet checked against the sink
 */
record SinkKeys(Map<String, EngineSettings.SinkDelivery> overrides, Map<String, Map<String, String>> options) {

    private static final Set<String> DELIVERY_KEYS = Set.copyOf(EngineSettings.SinkDelivery.KEYS);
    /** {@code sink.max-pending-bytes}: at least one full worker batch (2 MB), at most 1 GB. */
    static final long MIN_PENDING_BYTES = 2L * 1024 * 1024;

    static final long MAX_PENDING_BYTES = 1L << 30;

    static SinkKeys read(
            Map<String, ?> values,
            Set<String> knownKeys,
            EngineSettings.SinkDelivery defaults,
            ConfigReader reader,
            UnaryOperator<String> suggestion) {
        Map<String, Map<String, String>> delivery = new LinkedHashMap<>();
        Map<String, Map<String, String>> options = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : values.entrySet()) {
            String key = e.getKey();
            String value = ConfigValues.text(e.getValue());
            if (!key.startsWith("sink.") || knownKeys.contains(key)) {
                continue;
            }
            String rest = key.substring("sink.".length());
            int dot = rest.indexOf('.');
            if (dot <= 0 || dot == rest.length() - 1) {
                reader.problem(
                        ProblemCodes.UNKNOWN_KEY,
                        key,
                        value,
                        "sink options look like fapilog.sink.<sink>.<option>" + suggestion.apply(key));
                continue;
            }
            String sink = rest.substring(0, dot);
            String option = rest.substring(dot + 1);
            Map<String, Map<String, String>> target = DELIVERY_KEYS.contains(option) ? delivery : options;
            target.computeIfAbsent(sink, s -> new LinkedHashMap<>()).put(option, value);
        }
        Map<String, EngineSettings.SinkDelivery> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : delivery.entrySet()) {
            String prefix = "sink." + e.getKey() + ".";
            Map<String, String> o = e.getValue();
            Duration timeout = o.containsKey("timeout")
                    ? reader.duration(prefix + "timeout", o.get("timeout"), Duration.ofMinutes(10))
                    : defaults.timeout();
            int attempts = o.containsKey("retry.max-attempts")
                    ? reader.integer(prefix + "retry.max-attempts", o.get("retry.max-attempts"), 1, 100)
                    : defaults.maxAttempts();
            Duration backoff = o.containsKey("retry.backoff")
                    ? reader.duration(prefix + "retry.backoff", o.get("retry.backoff"), Duration.ofMinutes(1))
                    : defaults.backoff();
            int threshold = o.containsKey("circuit.failure-threshold")
                    ? reader.integer(prefix + "circuit.failure-threshold", o.get("circuit.failure-threshold"), 0, 1000)
                    : defaults.failureThreshold();
            Duration recovery = o.containsKey("circuit.recovery")
                    ? reader.duration(prefix + "circuit.recovery", o.get("circuit.recovery"), Duration.ofHours(1))
                    : defaults.recovery();
            long pending = o.containsKey("max-pending-bytes")
                    ? reader.size(
                            prefix + "max-pending-bytes",
                            o.get("max-pending-bytes"),
                            MIN_PENDING_BYTES,
                            MAX_PENDING_BYTES,
                            defaults::maxPendingBytes)
                    : defaults.maxPendingBytes();
            String fallback = o.getOrDefault("fallback", defaults.fallback()).trim();
            if (fallback.equals(e.getKey())) {
                reader.problem(ProblemCodes.CONFLICT, prefix + "fallback", fallback, "another sink, stderr or none");
            }
            overrides.put(
                    e.getKey(),
                    new EngineSettings.SinkDelivery(
                            timeout, attempts, backoff, threshold, recovery, fallback, pending));
        }
        Map<String, Map<String, String>> frozen = new LinkedHashMap<>();
        options.forEach((k, v) -> frozen.put(k, Collections.unmodifiableMap(v)));
        return new SinkKeys(Map.copyOf(overrides), Collections.unmodifiableMap(frozen));
    }
}
