package dev.fapilog.config;

/**
 * Caps applied to untrusted values, on the caller thread when they are captured and on the worker when they are
 * encoded. Each cap leaves a visible marker in the output so that a reader can tell a value was cut.
 *
 * @param maxStringLength characters kept of any string (message, value, key, {@code toString()} result)
 * @param maxDepth nesting depth of maps, collections and records
 * @param maxElements entries kept of any map, collection or array
 * @param maxFields fields kept per section of the envelope ({@code data}, {@code context}, {@code diagnostics})
 * @param maxBinaryBytes bytes of a {@code byte[]} kept (written as base64)
 * @param maxFrames stack frames kept per exception
 * @param maxCauseDepth causes followed per exception chain
 * @param maxSuppressed suppressed exceptions kept per exception
 * @param maxEventBytes encoded size of one event; a bigger event is re-encoded without its fields
 */
public record ValueLimits(
        int maxStringLength,
        int maxDepth,
        int maxElements,
        int maxFields,
        int maxBinaryBytes,
        int maxFrames,
        int maxCauseDepth,
        int maxSuppressed,
        int maxEventBytes) {

    /** The built-in defaults. */
    public static final ValueLimits DEFAULTS = new ValueLimits(16_384, 16, 1_000, 1_000, 4_096, 64, 16, 16, 1 << 20);
}
