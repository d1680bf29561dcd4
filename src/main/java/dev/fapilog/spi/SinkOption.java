package dev.fapilog.spi;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One setting a sink takes, configured as {@code fapilog.sink.<sink>.<key>}. Declaring options lets the runtime reject
 * unknown keys and bad values at start-up with a message that says what is allowed.
 *
 * @param key the key below {@code sink.<sink>.}
 * @param defaultValue the value used when the setting is absent, or {@code null} for none
 * @param allowed what is allowed, in words (quoted in error messages)
 * @param validator accepts the valid raw values
 */
public record SinkOption(String key, String defaultValue, String allowed, Predicate<String> validator) {

    public SinkOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(validator, "validator");
    }

    /** An option whose value must be one of {@code choices} (case-insensitive). */
    public static SinkOption oneOf(String key, String defaultValue, String... choices) {
        return new SinkOption(key, defaultValue, "one of " + String.join(", ", choices), v -> {
            for (String c : choices) {
                if (c.equalsIgnoreCase(v.trim())) {
                    return true;
                }
            }
            return false;
        });
    }
}
