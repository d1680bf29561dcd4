package dev.fapilog.config;

/** What happens to an event when a redactor throws. */
public enum RedactionFailMode {
    /** Go on with the event as the failing redactor left it. */
    OPEN,
    /** Like {@link #OPEN}, and report the failure on the diagnostics channel. */
    WARN,
    /** Drop the event, count it as {@code dropped(redaction_failed)} and report. */
    CLOSED
}
