package dev.fapilog.spi;

/** What is wrong with an option's value, as a plug-in reports it through {@link PluginConfig#report}. */
public enum OptionProblem {
    /** The value cannot be read as the option's type ({@code FAPILOG-C002}). */
    INVALID,
    /** The value is outside the allowed range ({@code FAPILOG-C003}). */
    OUT_OF_RANGE,
    /** The value is fine alone but not together with another one ({@code FAPILOG-C004}). */
    CONFLICT,
    /** A regular expression that does not compile or could backtrack catastrophically ({@code FAPILOG-C009}). */
    BAD_PATTERN
}
