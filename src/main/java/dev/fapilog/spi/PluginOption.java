package dev.fapilog.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One setting a plug-in takes, declared by its provider so that the runtime can reject unknown keys and bad values at
 * start-up with a coded message that names the key and what is allowed, and document it. The full key is the plug-in
 * kind's prefix plus {@link #key()}: {@code fapilog.sink.<sink>.<key>}, {@code fapilog.filter.<filter>.<key>},
 * {@code fapilog.enricher.<enricher>.<key>}, {@code fapilog.processor.<processor>.<key>}, and
 * {@code fapilog.redaction.<key>} for redactors (their options share the redaction namespace, as in fapilog).
 *
 * <p>Values are validated by their {@link Type} (with the range for numbers) and then by {@link #validator()}; the
 * plug-in reads them typed through {@link PluginConfig}. Immutable.
 *
 * @param key the key below the kind's prefix, lower-case kebab-case
 * @param defaultValue the value used when the setting is absent, or {@code null} for none
 * @param type how the value is read
 * @param min the smallest number allowed (numbers, integers, sizes); unused otherwise
 * @param max the largest number allowed (numbers, integers, sizes; for durations, the longest in nanoseconds)
 * @param allowed what is allowed, in words (quoted in error messages of {@code TEXT} and {@code LIST} options)
 * @param validator accepts the valid raw values, after the type's own check
 * @param secret whether the value must never be printed: a problem with it shows {@code ***} instead
 */
public record PluginOption(
        String key,
        String defaultValue,
        Type type,
        double min,
        double max,
        String allowed,
        Predicate<String> validator,
        boolean secret) {

    /** How an option's value is read. */
    public enum Type {
        /** Any text the validator accepts (trimmed). */
        TEXT,
        /** A whole number from min to max. */
        INTEGER,
        /** A number from min to max ({@code Double}). */
        NUMBER,
        /** A number greater than min, at most max. */
        POSITIVE_NUMBER,
        /** A duration such as {@code 250ms}, greater than zero and at most max nanoseconds. */
        DURATION,
        /** A size such as {@code 512KB}, from min to max bytes. */
        SIZE,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A comma-separated list ({@code none} for the empty list), each entry accepted by the validator. */
        LIST,
        /** Like {@code LIST}, with at least one entry. */
        REQUIRED_LIST,
        /** A level name. */
        LEVEL,
        /** A comma-separated list of level names. */
        LEVELS,
        /**
         * Every key that starts with the option's key (which ends with {@code .}), passed through as text: a
         * library's own properties ({@code producer.linger.ms}); read with {@link PluginConfig#prefixed(String)}.
         */
        PREFIX
    }

    public PluginOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(allowed, "allowed");
        Objects.requireNonNull(validator, "validator");
    }

    /** An option whose value may be printed in a problem's message. */
    public PluginOption(
            String key,
            String defaultValue,
            Type type,
            double min,
            double max,
            String allowed,
            Predicate<String> validator) {
        this(key, defaultValue, type, min, max, allowed, validator, false);
    }

    /** This option, its value never printed (passwords, tokens, headers that carry credentials). */
    public PluginOption asSecret() {
        return new PluginOption(key, defaultValue, type, min, max, allowed, validator, true);
    }

    /** A text option checked by {@code validator}; {@code allowed} says what it accepts. */
    public static PluginOption text(String key, String defaultValue, String allowed, Predicate<String> validator) {
        return new PluginOption(key, defaultValue, Type.TEXT, 0, 0, allowed, validator);
    }

    /** An option whose value must be one of {@code choices} (case-insensitive). */
    public static PluginOption oneOf(String key, String defaultValue, String... choices) {
        List<String> allowed = List.of(choices);
        return text(key, defaultValue, "one of " + String.join(", ", choices), v -> allowed.stream()
                .anyMatch(c -> c.equalsIgnoreCase(v.trim())));
    }

    /** A whole number from {@code min} to {@code max}. */
    public static PluginOption integer(String key, String defaultValue, int min, int max) {
        return new PluginOption(key, defaultValue, Type.INTEGER, min, max, "an integer", v -> true);
    }

    /** A number from {@code min} to {@code max}. */
    public static PluginOption number(String key, String defaultValue, double min, double max) {
        return new PluginOption(key, defaultValue, Type.NUMBER, min, max, "a number", v -> true);
    }

    /** A number greater than {@code min} and at most {@code max}. */
    public static PluginOption positiveNumber(String key, String defaultValue, double min, double max) {
        return new PluginOption(key, defaultValue, Type.POSITIVE_NUMBER, min, max, "a number", v -> true);
    }

    /** A duration greater than zero and at most {@code max}. */
    public static PluginOption duration(String key, String defaultValue, java.time.Duration max) {
        return new PluginOption(key, defaultValue, Type.DURATION, 0, max.toNanos(), "a duration", v -> true);
    }

    /** A size in bytes from {@code min} to {@code max}. */
    public static PluginOption size(String key, String defaultValue, long min, long max) {
        return new PluginOption(key, defaultValue, Type.SIZE, min, max, "a size", v -> true);
    }

    /** {@code true} or {@code false}. */
    public static PluginOption bool(String key, String defaultValue) {
        return new PluginOption(key, defaultValue, Type.BOOLEAN, 0, 0, "true or false", v -> true);
    }

    /** A comma-separated list whose entries {@code entry} accepts; {@code allowed} says what they are. */
    public static PluginOption list(String key, String defaultValue, String allowed, Predicate<String> entry) {
        return new PluginOption(key, defaultValue, Type.LIST, 0, 0, allowed, entry);
    }

    /** A comma-separated list of at least one entry, each accepted by {@code entry}. */
    public static PluginOption requiredList(String key, String defaultValue, String allowed, Predicate<String> entry) {
        return new PluginOption(key, defaultValue, Type.REQUIRED_LIST, 0, 0, allowed, entry);
    }

    /** A level name. */
    public static PluginOption level(String key, String defaultValue) {
        return new PluginOption(key, defaultValue, Type.LEVEL, 0, 0, "a level name", v -> true);
    }

    /**
     * Every key under {@code prefix} (ending with {@code .}), each value checked by {@code entry}: properties handed
     * through to a library the plug-in wraps, such as {@code producer.<property>}.
     */
    public static PluginOption prefix(String prefix, String allowed, Predicate<String> entry) {
        if (!prefix.endsWith(".")) {
            throw new IllegalArgumentException("a prefix option's key ends with '.': " + prefix);
        }
        return new PluginOption(prefix, null, Type.PREFIX, 0, 0, allowed, entry);
    }

    /** Whether {@code optionKey} is this option's or, for a prefix option, one under it. */
    public boolean covers(String optionKey) {
        return type == Type.PREFIX
                ? optionKey.startsWith(key) && optionKey.length() > key.length()
                : key.equals(optionKey);
    }

    /** A comma-separated list of level names. */
    public static PluginOption levels(String key, String defaultValue) {
        return new PluginOption(key, defaultValue, Type.LEVELS, 0, 0, "level names", v -> true);
    }
}
