package dev.fapilog.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalogue of the runtime's own keys (without the {@code fapilog.} prefix) and their built-in defaults, in the
 * order of {@code docs/reference/configuration.md}. Plug-in options are not here: each provider declares its own.
 */
final class CoreKeys {

    /** Every core key with its default, in a stable order. */
    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("preset", "");
        d.put("name", "fapilog");
        d.put("level", "auto");
        d.put("format", "auto");
        d.put("sinks", "");
        d.put("queue.capacity", "10000");
        d.put("queue.max-bytes", "64MB");
        d.put("queue.protected-capacity", "auto");
        d.put("queue.protected-levels", "ERROR,CRITICAL,AUDIT,SECURITY");
        d.put("backpressure.policy", "drop");
        d.put("backpressure.wait", "50ms");
        d.put("batch.max-size", "256");
        d.put("batch.timeout", "250ms");
        d.put("shutdown.timeout", "5s");
        d.put("shutdown.hook", "true");
        d.put("sink.timeout", "5s");
        d.put("sink.retry.max-attempts", "3");
        d.put("sink.retry.backoff", "100ms");
        d.put("sink.circuit.failure-threshold", "5");
        d.put("sink.circuit.recovery", "30s");
        d.put("sink.max-pending-bytes", "16MB");
        d.put("enrichers", "runtime-info");
        d.put("redactors", "field-mask,regex-mask,url-credentials");
        d.put("redaction.presets", "CREDENTIALS");
        d.put("redaction.mask", "***");
        d.put("redaction.fail-mode", "warn");
        RedactionGuardrails g = RedactionGuardrails.DEFAULTS;
        d.put("redaction.max-depth", Integer.toString(g.maxDepth()));
        d.put("redaction.max-keys-scanned", Integer.toString(g.maxKeysScanned()));
        d.put("redaction.on-guardrail-exceeded", "replace-subtree");
        d.put("filters", "none");
        d.put("filter.seed", "random");
        d.put("processors", "none");
        d.put("service.name", "");
        d.put("service.environment", "");
        d.put("service.version", "");
        ValueLimits v = ValueLimits.DEFAULTS;
        d.put("encoder.max-string-length", Integer.toString(v.maxStringLength()));
        d.put("encoder.max-depth", Integer.toString(v.maxDepth()));
        d.put("encoder.max-elements", Integer.toString(v.maxElements()));
        d.put("encoder.max-fields", Integer.toString(v.maxFields()));
        d.put("encoder.max-binary-bytes", Integer.toString(v.maxBinaryBytes()));
        d.put("encoder.max-frames", Integer.toString(v.maxFrames()));
        d.put("encoder.max-cause-depth", Integer.toString(v.maxCauseDepth()));
        d.put("encoder.max-suppressed", Integer.toString(v.maxSuppressed()));
        d.put("encoder.max-event-bytes", "1MB");
        d.put("routing.rules", "none");
        d.put("routing.overlap", "true");
        d.put("routing.fallback", "none");
        d.put("diagnostics.enabled", "true");
        d.put("diagnostics.output", "stderr");
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    /** The keys plug-ins may read with {@link dev.fapilog.spi.PluginConfig#shared}. */
    static final java.util.Set<String> SHARED = java.util.Set.of(
            "filter.seed",
            "redaction.mask",
            "redaction.presets",
            "redaction.max-depth",
            "redaction.max-keys-scanned",
            "redaction.on-guardrail-exceeded",
            "service.name",
            "service.environment",
            "service.version");

    private CoreKeys() {}
}
