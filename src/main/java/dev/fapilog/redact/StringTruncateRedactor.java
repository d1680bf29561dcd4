package dev.fapilog.redact;

import dev.fapilog.config.RedactionGuardrails;

/**
 * {@code string-truncate}: cuts every string value longer than {@code redaction.max-string-length} characters to that
 * length and appends {@value #MARKER}; never splits a surrogate pair. The message is left whole (the encoder caps it
 * with its own marker).
 */
final class StringTruncateRedactor extends StringValueRedactor {
    /** Appended to a truncated string. */
    public static final String MARKER = "[truncated]";

    private final int max;

    public StringTruncateRedactor(int maxLength) {
        this(maxLength, RedactionGuardrails.DEFAULTS, "***");
    }

    /** @param mask what a subtree beyond the guardrails becomes with {@code replace-subtree} */
    public StringTruncateRedactor(int maxLength, RedactionGuardrails guardrails, String mask) {
        super(guardrails, mask);
        this.max = maxLength;
    }

    @Override
    public String name() {
        return "string-truncate";
    }

    @Override
    boolean rewritesMessage() {
        return false;
    }

    @Override
    String rewrite(String s) {
        if (s.length() <= max) {
            return s;
        }
        int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, cut) + MARKER;
    }
}
