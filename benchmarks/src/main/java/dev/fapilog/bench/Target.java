package dev.fapilog.bench;

/** Where events go. */
enum Target {
    /** Encoded to JSON, then thrown away (a stream that discards). */
    DISCARD,
    /** Encoded to JSON lines in a file. */
    FILE,
    /** A sink/appender whose write never returns. */
    HANG
}
