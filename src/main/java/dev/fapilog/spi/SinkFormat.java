package dev.fapilog.spi;

/**
 * The encoding a sink receives. The worker encodes each event once per format in use, however many sinks share it.
 */
public enum SinkFormat {
    /** One canonical JSON envelope (schema 1.1) per line, UTF-8. */
    JSON,
    /** One human-readable line per event, control and bidi characters escaped, no colours. */
    TEXT,
    /** Like {@link #TEXT}, with ANSI colours for the level. Only for terminals. */
    TEXT_ANSI
}
