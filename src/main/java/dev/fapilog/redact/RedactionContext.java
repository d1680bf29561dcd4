package dev.fapilog.redact;

import dev.fapilog.config.RedactionGuardrails;
import dev.fapilog.config.RedactionPresets;
import dev.fapilog.spi.PluginConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What every built-in redactor shares, read from the shared redaction keys: the mask, the guardrails, and what the
 * compliance presets of {@code redaction.presets} add (field names masked at any depth of {@code data}, key-path
 * patterns, and whether values are scanned for secrets).
 */
record RedactionContext(
        String mask,
        RedactionGuardrails guardrails,
        List<String> presetFields,
        List<String> presetPatterns,
        boolean scanValues) {

    static RedactionContext of(PluginConfig config) {
        List<String> fields = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        boolean scan = false;
        for (String preset : dev.fapilog.config.ConfigValues.list(config.shared("redaction.presets"))) {
            if (RedactionPresets.find(preset).isPresent()) { // an unknown name is reported by the settings
                RedactionPresets.RedactionPreset resolved = RedactionPresets.resolve(preset); // with what it extends
                resolved.fields().forEach(f -> fields.add("data.**." + f));
                patterns.addAll(resolved.patterns());
                scan |= resolved.scanValues();
            }
        }
        return new RedactionContext(
                config.shared("redaction.mask"), guardrails(config), List.copyOf(fields), List.copyOf(patterns), scan);
    }

    private static RedactionGuardrails guardrails(PluginConfig config) {
        RedactionGuardrails d = RedactionGuardrails.DEFAULTS;
        return new RedactionGuardrails(
                intOr(config.shared("redaction.max-depth"), d.maxDepth()),
                intOr(config.shared("redaction.max-keys-scanned"), d.maxKeysScanned()),
                action(config.shared("redaction.on-guardrail-exceeded"), d.onExceeded()));
    }

    private static int intOr(String raw, int fallback) {
        try {
            return Integer.parseInt(raw.replace("_", ""));
        } catch (NumberFormatException reportedBySettings) {
            return fallback;
        }
    }

    private static RedactionGuardrails.Action action(String raw, RedactionGuardrails.Action fallback) {
        for (RedactionGuardrails.Action a : RedactionGuardrails.Action.values()) {
            if (a.name().replace('_', '-').equalsIgnoreCase(raw)) {
                return a;
            }
        }
        return fallback;
    }

    /**
     * The answer of {@code neededBecause} for a redactor fed by the presets and by its own list: the keys that set
     * it, separated by {@code " / "}, or {@code null}.
     */
    static String reasons(boolean byPresets, boolean byOwnList, String ownList) {
        if (byPresets && byOwnList) {
            return "redaction.presets / redaction." + ownList;
        }
        if (byPresets) {
            return "redaction.presets";
        }
        return byOwnList ? "redaction." + ownList : null;
    }
}
