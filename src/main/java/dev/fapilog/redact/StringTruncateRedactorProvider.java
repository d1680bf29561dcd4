package dev.fapilog.redact;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.RedactorProvider;
import java.util.List;

/** {@code string-truncate}: cuts string values longer than {@code redaction.max-string-length}. */
public final class StringTruncateRedactorProvider implements RedactorProvider {

    @Override
    public String name() {
        return "string-truncate";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(PluginOption.integer("max-string-length", "4096", 16, 64 << 20));
    }

    @Override
    public Redactor create(PluginConfig config) {
        RedactionContext r = RedactionContext.of(config);
        return new StringTruncateRedactor(config.integer("max-string-length"), r.guardrails(), r.mask());
    }
}
