package dev.fapilog.redact;

import dev.fapilog.config.RedactionGuardrails;
import java.util.Objects;

/**
 * {@code value-scan}: masks secrets found inside string values and the message, whatever the field is called: payment
 * card numbers (Luhn-valid, known issuer), e-mail addresses, JWTs, bearer tokens, cloud and SaaS keys, PEM private keys
 * ({@link SecretScanner}). Complements {@code field-mask}, which masks by field name. Linear in the scanned length;
 * strings are scanned up to {@value SecretScanner#MAX_SCAN} characters.
 */
final class ValueScanRedactor extends StringValueRedactor {
    private final String mask;

    public ValueScanRedactor(String mask) {
        this(mask, RedactionGuardrails.DEFAULTS);
    }

    public ValueScanRedactor(String mask, RedactionGuardrails guardrails) {
        super(guardrails, mask);
        this.mask = Objects.requireNonNull(mask, "mask");
    }

    @Override
    public String name() {
        return "value-scan";
    }

    @Override
    String rewrite(String s) {
        return SecretScanner.mask(s, mask);
    }
}
