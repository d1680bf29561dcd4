package dev.fapilog.redact;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.RedactorProvider;

/** {@code value-scan}: masks secrets found inside string values (cards, e-mail, tokens, keys). */
public final class ValueScanRedactorProvider implements RedactorProvider {

    @Override
    public String name() {
        return "value-scan";
    }

    @Override
    public String neededBecause(PluginConfig config) {
        return RedactionContext.of(config).scanValues() ? "redaction.presets (PCI_DSS scans values for cards)" : null;
    }

    @Override
    public Redactor create(PluginConfig config) {
        RedactionContext r = RedactionContext.of(config);
        return new ValueScanRedactor(r.mask(), r.guardrails());
    }
}
