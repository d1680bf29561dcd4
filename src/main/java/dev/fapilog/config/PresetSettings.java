package dev.fapilog.config;

import dev.fapilog.Preset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of each preset, as flat key/value data (the same keys users configure). Derived from fapilog's
 * documented presets; where fapilog documents a capability that this build does not have yet, the preset still names
 * it, and the runtime refuses to start rather than silently doing less (see {@code docs/reference/presets.md}).
 */
public final class PresetSettings {

    private PresetSettings() {}

    /** The settings of one preset, in a stable order. */
    public static Map<String, String> of(Preset preset) {
        Map<String, String> s = new LinkedHashMap<>();
        switch (preset) {
            case DEV:
                s.put("level", "DEBUG");
                s.put("batch.max-size", "1");
                s.put("sinks", "stdout-pretty");
                s.put("enrichers", "runtime-info");
                s.put("diagnostics.enabled", "true");
                break;
            case PRODUCTION:
                service(s, "256", "wait");
                s.put("batch.timeout", "250ms");
                s.put("queue.capacity", "10000");
                s.put("backpressure.wait", "50ms");
                s.put("shutdown.timeout", "25s");
                break;
            case SERVERLESS:
                service(s, "25", "drop");
                break;
            case HARDENED:
                s.put("level", "INFO");
                s.put("batch.max-size", "100");
                s.put("backpressure.policy", "wait");
                s.put("redaction.fail-mode", "closed");
                s.put("sinks", "stdout-json,rotating-file");
                s.put("sink.rotating-file.max-bytes", "50MB");
                s.put("sink.rotating-file.max-files", "10");
                s.put("sink.rotating-file.compress", "gzip");
                s.put("sink.rotating-file.permissions", "rw-------");
                s.put("enrichers", "runtime-info");
                s.put("redactors", "field-mask,regex-mask,url-credentials,field-blocker");
                s.put("redaction.presets", "CREDENTIALS,HIPAA_PHI,PCI_DSS");
                break;
            case MINIMAL:
                s.put("redactors", "none");
                s.put("redaction.presets", "none");
                break;
            default:
                throw new IllegalArgumentException(preset.name());
        }
        return s;
    }

    /** What production and serverless share: JSON lines, runtime facts, credential redaction that warns. */
    private static void service(Map<String, String> s, String batchMaxSize, String backpressure) {
        s.put("level", "INFO");
        s.put("batch.max-size", batchMaxSize);
        s.put("backpressure.policy", backpressure);
        s.put("redaction.fail-mode", "warn");
        s.put("sinks", "stdout-json");
        s.put("enrichers", "runtime-info");
        s.put("redactors", "field-mask,regex-mask,url-credentials");
        s.put("redaction.presets", "CREDENTIALS");
    }

    /** Settings applied by environment detection when no preset is chosen. */
    public static Map<String, String> ofEnvironment(String kind) {
        Map<String, String> s = new LinkedHashMap<>();
        switch (kind) {
            case "lambda":
                s.put("level", "INFO");
                s.put("batch.max-size", "10");
                s.put("batch.timeout", "100ms");
                s.put("queue.capacity", "1000");
                break;
            case "kubernetes":
                s.put("level", "INFO");
                s.put("enrichers", "runtime-info,kubernetes");
                break;
            case "docker":
            case "ci":
                s.put("level", "INFO");
                break;
            default:
                break;
        }
        return s;
    }
}
