package dev.fapilog.spi;

/**
 * The library's own warning channel: one JSON line per report, on standard error or a configured listener,
 * rate-limited per component and key, and never routed back into the logging pipeline, so a plug-in that reports
 * from inside the pipeline cannot recurse or deadlock. Safe to call from any thread; never throws.
 */
public interface Diagnostics {

    /**
     * Reports a problem.
     *
     * @param component who reports, for example {@code sink} or {@code redactor}
     * @param key what kind of problem; the rate limit applies per component and key
     * @param message a short sentence
     * @param details alternating key/value pairs added to the line
     */
    void warn(String component, String key, String message, Object... details);

    /** Reports a fact worth one line (start-up, drain summary); same channel and rate limit as {@link #warn}. */
    void info(String component, String key, String message, Object... details);
}
