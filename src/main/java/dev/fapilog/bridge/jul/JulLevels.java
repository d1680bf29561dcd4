package dev.fapilog.bridge.jul;

import dev.fapilog.Level;

/**
 * JUL levels to fapilog levels, by {@code intValue()} so custom levels (JBoss Logging's {@code FATAL}, {@code DEBUG},
 * {@code TRACE}) land on the nearest one: 1100 and above {@code CRITICAL}, 1000 {@code ERROR}, 900 {@code WARNING},
 * 800 {@code INFO}, 500 ({@code FINE}, {@code CONFIG}) {@code DEBUG}, below {@code TRACE}.
 */
final class JulLevels {
    private JulLevels() {}

    static Level of(java.util.logging.Level level) {
        int v = level == null ? java.util.logging.Level.INFO.intValue() : level.intValue();
        if (v >= 1100) {
            return Level.CRITICAL;
        }
        if (v >= 1000) {
            return Level.ERROR;
        }
        if (v >= 900) {
            return Level.WARNING;
        }
        if (v >= 800) {
            return Level.INFO;
        }
        if (v >= 500) {
            return Level.DEBUG;
        }
        return Level.TRACE;
    }
}
