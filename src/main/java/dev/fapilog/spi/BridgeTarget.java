package dev.fapilog.spi;

import dev.fapilog.LogRuntime;

/**
 * A runtime that bridges can log into: every {@link LogRuntime} the library makes is one. Bridges reach it through
 * {@link #of(LogRuntime)}.
 */
public interface BridgeTarget {

    /**
     * The bridge logger of this runtime for a logger name and origin.
     *
     * @param name the foreign logger's name; {@code null} means {@code "root"}
     * @param origin lower-case letters, digits and {@code -}, such as {@code jul}, {@code slf4j},
     *     {@code system-logger}
     * @throws IllegalArgumentException if {@code origin} is not of that form
     */
    BridgeLogger bridgeLogger(String name, String origin);

    /**
     * The bridge target of a runtime.
     *
     * @throws IllegalArgumentException if the runtime was not made by this library
     */
    static BridgeTarget of(LogRuntime runtime) {
        if (runtime instanceof BridgeTarget) {
            return (BridgeTarget) runtime;
        }
        throw new IllegalArgumentException("not a fapilog runtime: " + runtime);
    }
}
