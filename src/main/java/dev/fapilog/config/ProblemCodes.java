package dev.fapilog.config;

/** The stable codes of configuration problems; each is explained in {@code docs/reference/configuration.md}. */
public final class ProblemCodes {
    /** A key under {@code fapilog.} that no setting has. */
    public static final String UNKNOWN_KEY = "FAPILOG-C001";
    /** A value that cannot be read as the setting's type. */
    public static final String BAD_VALUE = "FAPILOG-C002";
    /** A value of the right type outside the allowed range. */
    public static final String OUT_OF_RANGE = "FAPILOG-C003";
    /** Values that are fine alone but impossible together. */
    public static final String CONFLICT = "FAPILOG-C004";
    /** A sink, enricher, redactor or redaction preset name that this build does not have. */
    public static final String UNKNOWN_PLUGIN = "FAPILOG-C005";
    /** A preset that needs a plug-in this build does not have. */
    public static final String PRESET_NEEDS_PLUGIN = "FAPILOG-C006";
    /** A sink option the sink does not take, or a value it rejects. */
    public static final String BAD_SINK_OPTION = "FAPILOG-C007";
    /** A plug-in that failed to be created or started. */
    public static final String PLUGIN_FAILED = "FAPILOG-C008";
    /** A regular expression that does not compile or is unsafe. */
    public static final String BAD_PATTERN = "FAPILOG-C009";
    /** A plug-in instance handed to the builder that cannot be used (unknown kind, duplicate sink name). */
    public static final String BAD_PLUGIN_INSTANCE = "FAPILOG-C010";

    private ProblemCodes() {}
}
