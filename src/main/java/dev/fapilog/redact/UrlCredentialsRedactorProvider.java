package dev.fapilog.redact;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.RedactorProvider;

/** {@code url-credentials}: masks the user information of URLs inside string values. */
public final class UrlCredentialsRedactorProvider implements RedactorProvider {

    @Override
    public String name() {
        return "url-credentials";
    }

    @Override
    public Redactor create(PluginConfig config) {
        RedactionContext r = RedactionContext.of(config);
        return new UrlCredentialsRedactor(r.guardrails(), r.mask());
    }
}
