package dev.fapilog.core;

import dev.fapilog.config.ValueLimits;

/** The guarded, capped {@code toString()} used wherever a foreign object must become text. Never throws. */
final class SafeText {
    private SafeText() {}

    /** {@code value.toString()}, capped; a placeholder when it throws, returns {@code null} or recurses. */
    public static String of(Object value, ValueLimits limits) {
        return value == null ? "null" : ValueCapture.text(value, limits);
    }
}
