package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.Preset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The immutable, validated settings of one runtime. Built by {@link SettingsResolver} from flat keys; every field has a
 * key, listed in {@code docs/reference/configuration.md}.
 *
 * @param name runtime name ({@code name})
 * @param preset the preset applied, or {@code null} ({@code preset})
 * @param level threshold ({@code level})
 * @param sinks sink names ({@code sinks}, or chosen by {@code format})
 * @param sinkOptions options per sink name ({@code sink.<name>.<option>}), not yet checked against the sink
 * @param queueCapacity main lane ({@code queue.capacity})
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
 * @param filters named filters, in order ({@code filters})
 * @param filter options of the built-in filters ({@code filter.*})
 * @param enrichers named enrichers ({@code enrichers})
 * @param redactors named redactors ({@code redactors})
 * @param redaction redaction settings ({@code redaction.*})
 * @param processors named processors, in order ({@code processors})
 * @param sizeGuard options of the {@code size-guard} processor ({@code processor.size-guard.*})
 * @param service service facts for the runtime-info enricher ({@code service.*})
 * @param kubernetesDownwardApi directory of the downward-API volume the kubernetes enricher reads
 *     ({@code enricher.kubernetes.downward-api-path})
 * @param limits value caps ({@code encoder.*})
 * @param diagnosticsEnabled whether the diagnostics channel writes ({@code diagnostics.enabled})
 * @param diagnosticsOutput {@code stderr} or {@code system-logger} ({@code diagnostics.output})
 * @param environment what was detected about the environment
 * @param sources where each key's value came from, for error messages
 */
public record Settings(
        String name,
        Preset preset,
        Level level,
        List<String> sinks,
        Map<String, Map<String, String>> sinkOptions,
        int queueCapacity,
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
        List<String> filters,
        FilterOptions filter,
        List<String> enrichers,
        List<String> redactors,
        Redaction redaction,
        List<String> processors,
        SizeGuard sizeGuard,
        Service service,
        String kubernetesDownwardApi,
        ValueLimits limits,
        boolean diagnosticsEnabled,
        String diagnosticsOutput,
        EnvironmentFacts environment,
        Map<String, Source> sources) {

    /** Where a setting's value came from. */
    public enum Source {
        EXPLICIT,
        PRESET,
        ENVIRONMENT,
        DEFAULT
    }

    /**
     * Write deadline and retry policy of a sink.
     *
     * @param timeout longest time one {@code write} may take before it counts as {@code failed(timeout)}
     * @param maxAttempts attempts per batch when the sink says a failure is retryable (1 = no retry)
     * @param backoff wait before the first retry; doubled for each further one, within the deadline
     */
    public record SinkDelivery(Duration timeout, int maxAttempts, Duration backoff) {}

    /**
     * Redaction settings.
     *
     * @param presets compliance presets ({@code redaction.presets})
     * @param fields extra dotted field paths to mask ({@code redaction.fields})
     * @param patterns extra key-path patterns to mask ({@code redaction.patterns})
     * @param mask the replacement text ({@code redaction.mask})
     * @param failMode what a failing redactor does ({@code redaction.fail-mode})
     * @param blockedFields lower-case key names {@code field-blocker} replaces at any depth
     *     ({@code redaction.blocked-fields})
     * @param allowedFields lower-case key names exempt from {@code field-blocker} ({@code redaction.allowed-fields})
     * @param maxStringLength characters {@code string-truncate} keeps of a string ({@code redaction.max-string-length})
     * @param allowUnsafePatterns whether {@code redaction.patterns} may have shapes that backtrack catastrophically
     *     ({@code redaction.allow-unsafe-patterns})
     * @param guardrails how deep and how many keys redactors scan, and what happens beyond
     *     ({@code redaction.max-depth}, {@code redaction.max-keys-scanned}, {@code redaction.on-guardrail-exceeded})
     */
    public record Redaction(
            List<String> presets,
            List<String> fields,
            List<String> patterns,
            String mask,
            RedactionFailMode failMode,
            List<String> blockedFields,
            List<String> allowedFields,
            int maxStringLength,
            boolean allowUnsafePatterns,
            RedactionGuardrails guardrails) {}

    /**
     * Options of the built-in filters.
     *
     * @param seed seed of every filter's random numbers, or {@code null} for a random seed ({@code filter.seed})
     * @param level {@code filter.level.*}
     * @param samplingRate share of events {@code sampling} keeps ({@code filter.sampling.rate})
     * @param rateLimit {@code filter.rate-limit.*}
     * @param adaptive {@code filter.adaptive-sampling.*}
     * @param trace {@code filter.trace-sampling.*}
     * @param firstOccurrence {@code filter.first-occurrence.*}
     */
    public record FilterOptions(
            Long seed,
            LevelThresholds level,
            double samplingRate,
            RateLimit rateLimit,
            AdaptiveSampling adaptive,
            TraceSampling trace,
            FirstOccurrence firstOccurrence) {}

    /**
     * @param minLevel events below it are dropped ({@code filter.level.min-level})
     * @param loggers thresholds per logger-name prefix, longest prefix wins ({@code filter.level.loggers})
     */
    public record LevelThresholds(Level minLevel, Map<String, Level> loggers) {}

    /**
     * @param capacity bucket size: the burst allowed per key ({@code filter.rate-limit.capacity})
     * @param refillPerSecond tokens added per second ({@code filter.rate-limit.refill-per-second})
     * @param keyField top-level field whose value keys the buckets, or {@code null} for one global bucket
     *     ({@code filter.rate-limit.key-field})
     * @param maxKeys buckets kept; the least recently used is forgotten beyond it ({@code filter.rate-limit.max-keys})
     * @param mark {@code true} to keep events over the limit marked {@code rate_limited=true} instead of dropping them
     *     ({@code filter.rate-limit.overflow-action=mark})
     */
    public record RateLimit(int capacity, double refillPerSecond, String keyField, int maxKeys, boolean mark) {}

    /**
     * @param targetEps events per second to aim for ({@code filter.adaptive-sampling.target-eps})
     * @param window sliding window the arrival rate is measured over ({@code filter.adaptive-sampling.window})
     * @param smoothing weight of the newest rate in the moving average ({@code filter.adaptive-sampling.smoothing})
     * @param minRate lowest sample rate ({@code filter.adaptive-sampling.min-rate})
     * @param maxRate highest sample rate ({@code filter.adaptive-sampling.max-rate})
     * @param alwaysPass levels never sampled away ({@code filter.adaptive-sampling.always-pass-levels})
     */
    public record AdaptiveSampling(
            double targetEps,
            Duration window,
            double smoothing,
            double minRate,
            double maxRate,
            Set<Level> alwaysPass) {}

    /**
     * @param rate share of traces kept ({@code filter.trace-sampling.rate})
     * @param alwaysPass levels never sampled away ({@code filter.trace-sampling.always-pass-levels})
     */
    public record TraceSampling(double rate, Set<Level> alwaysPass) {}

    /**
     * @param keyFields what makes two events "the same": {@code message} or top-level field names
     *     ({@code filter.first-occurrence.key-fields})
     * @param window how long a key is remembered ({@code filter.first-occurrence.window})
     * @param subsequentRate share of repeats within the window that are kept
     *     ({@code filter.first-occurrence.subsequent-sample-rate})
     * @param maxKeys keys remembered; the least recently seen is forgotten beyond it
     *     ({@code filter.first-occurrence.max-keys})
     */
    public record FirstOccurrence(List<String> keyFields, Duration window, double subsequentRate, int maxKeys) {}

    /**
     * @param maxBytes largest encoded event ({@code processor.size-guard.max-bytes})
     * @param action {@code truncate}, {@code drop} or {@code warn} ({@code processor.size-guard.action})
     * @param preserveFields {@code data} fields truncation keeps whole ({@code processor.size-guard.preserve-fields})
     */
    public record SizeGuard(int maxBytes, String action, List<String> preserveFields) {}

    /**
     * Service facts written by the runtime-info enricher.
     *
     * @param name {@code service.name}
     * @param environment {@code service.environment}, or {@code null}
     * @param version {@code service.version}, or {@code null}
     */
    public record Service(String name, String environment, String version) {}

    /** The delivery policy of one sink. */
    public SinkDelivery deliveryOf(String sink) {
        return sinkOverrides.getOrDefault(sink, sinkDefaults);
    }

    /** Where a key's value came from; {@link Source#DEFAULT} for keys never set. */
    public Source sourceOf(String key) {
        return sources.getOrDefault(key, Source.DEFAULT);
    }
}
