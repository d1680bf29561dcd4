package dev.fapilog.config;

import dev.fapilog.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the engine needs of the settings, typed: no key strings and no plug-in's options. Built by
 * {@link SettingsResolver}; every field has a key, listed in {@code docs/reference/configuration.md}. Immutable.
 *
 * @param name runtime name ({@code name})
 * @param presetId the preset applied, or {@code "none"} ({@code preset})
 * @param level threshold ({@code level})
 * @param queueCapacity main lane ({@code queue.capacity})
 * @param queueMaxBytes byte budget of large events in the queue ({@code queue.max-bytes})
 * @param protectedQueueCapacity protected lane ({@code queue.protected-capacity})
 * @param protectedLevels levels using the protected lane ({@code queue.protected-levels})
 * @param backpressurePolicy on a full lane ({@code backpressure.policy})
 * @param backpressureWait longest wait with {@code wait} ({@code backpressure.wait})
 * @param batchMaxSize events per batch ({@code batch.max-size})
 * @param batchTimeout wait for a batch to fill ({@code batch.timeout})
 * @param shutdownTimeout drain deadline of hooks and containers ({@code shutdown.timeout})
 * @param shutdownHook JVM shutdown hook ({@code shutdown.hook})
 * @param sinkDefaults write deadline and retries of every sink ({@code sink.timeout}, {@code sink.retry.*})
 * @param sinkOverrides per-sink deadline and retries ({@code sink.<name>.timeout}, {@code sink.<name>.retry.*})
 * @param redactionFailMode what a failing redactor does ({@code redaction.fail-mode})
 * @param mask the redaction mask, also for values marked sensitive at capture ({@code redaction.mask})
 * @param limits value caps ({@code encoder.*})
 * @param diagnosticsEnabled whether the diagnostics channel writes ({@code diagnostics.enabled})
 * @param diagnosticsOutput {@code stderr} or {@code system-logger} ({@code diagnostics.output})
 * @param routing which sinks get which levels ({@code routing.*}); sink names are checked when the runtime is built
 */
public record EngineSettings(
        String name,
        String presetId,
        Level level,
        int queueCapacity,
        long queueMaxBytes,
        int protectedQueueCapacity,
        Set<Level> protectedLevels,
        BackpressurePolicy backpressurePolicy,
        Duration backpressureWait,
        int batchMaxSize,
        Duration batchTimeout,
        Duration shutdownTimeout,
        boolean shutdownHook,
        SinkDelivery sinkDefaults,
        Map<String, SinkDelivery> sinkOverrides,
        RedactionFailMode redactionFailMode,
        String mask,
        ValueLimits limits,
        boolean diagnosticsEnabled,
        String diagnosticsOutput,
        dev.fapilog.Routing routing) {

    /**
     * Write deadline, retry policy, circuit breaker and fallback of a sink.
     *
     * @param timeout longest time one {@code write} may take before it counts as {@code failed(timeout)}
     * @param maxAttempts attempts per batch when the sink says a failure is retryable (1 = no retry)
     * @param backoff wait before the first retry; doubled for each further one, within the deadline
     * @param failureThreshold batches failing in a row that open the sink's circuit breaker (0 = never)
     * @param recovery how long the breaker stays open before one batch is written as a probe
     * @param fallback where batches go while the breaker is open or the sink is stalled: a sink name,
     *     {@code stderr}, or {@code none}
     * @param maxPendingBytes bytes of batches that may wait for the sink; beyond it the oldest waiting is dropped
     */
    public record SinkDelivery(
            Duration timeout,
            int maxAttempts,
            Duration backoff,
            int failureThreshold,
            Duration recovery,
            String fallback,
            long maxPendingBytes) {
        /** The keys under {@code sink.<name>.} that set these, beside the sink's own options. */
        public static final java.util.List<String> KEYS = java.util.List.of(
                "timeout",
                "retry.max-attempts",
                "retry.backoff",
                "circuit.failure-threshold",
                "circuit.recovery",
                "fallback",
                "max-pending-bytes");
    }

    /** These settings with {@code sink}'s write deadline replaced (a sink provider's own default). */
    public EngineSettings withSinkTimeout(String sink, Duration timeout) {
        SinkDelivery d = deliveryOf(sink);
        Map<String, SinkDelivery> overrides = new java.util.LinkedHashMap<>(sinkOverrides);
        overrides.put(
                sink,
                new SinkDelivery(
                        timeout,
                        d.maxAttempts(),
                        d.backoff(),
                        d.failureThreshold(),
                        d.recovery(),
                        d.fallback(),
                        d.maxPendingBytes()));
        return new EngineSettings(
                name,
                presetId,
                level,
                queueCapacity,
                queueMaxBytes,
                protectedQueueCapacity,
                protectedLevels,
                backpressurePolicy,
                backpressureWait,
                batchMaxSize,
                batchTimeout,
                shutdownTimeout,
                shutdownHook,
                sinkDefaults,
                Map.copyOf(overrides),
                redactionFailMode,
                mask,
                limits,
                diagnosticsEnabled,
                diagnosticsOutput,
                routing);
    }

    /** The delivery policy of one sink. */
    public SinkDelivery deliveryOf(String sink) {
        return sinkOverrides.getOrDefault(sink, sinkDefaults);
    }
}
