package dev.fapilog.config;

import dev.fapilog.ConfigProblem;
import dev.fapilog.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one typed reader of setting values, used by the core settings, the integrations and every plug-in's options:
 * each method reads one key, and for a value it cannot accept records a coded {@link ConfigProblem} (naming the key,
 * the value and what is allowed) and returns the key's default instead, so that reading goes on and one pass reports
 * every problem.
 *
 * <p>Not thread-safe: one reader belongs to one resolution, on the thread that starts the runtime.
 */
public final class ConfigReader {

    private final Map<String, ?> values;
    private final Map<String, String> defaults;
    private final List<ConfigProblem> problems;
    private final Function<String, String> origin;

    /**
     * @param values the value of every key to be read (defaults already layered under the given values): text, or a
     *     value of the key's type given by the builder ({@code Integer}, {@code Duration}, {@code Boolean},
     *     {@code Level}, an enum constant, a collection), which is used as it is, range-checked, never parsed back
     * @param defaults the built-in default of each key, used in place of a bad value
     * @param problems where problems are added
     * @param origin text appended to a problem of a key, such as {@code " (set by preset 'production')"}, or empty
     */
    public ConfigReader(
            Map<String, ?> values,
            Map<String, String> defaults,
            List<ConfigProblem> problems,
            Function<String, String> origin) {
        this.values = values;
        this.defaults = defaults;
        this.problems = problems;
        this.origin = origin;
    }

    /** A reader over values that already include their defaults, with no origin text. */
    public static ConfigReader of(Map<String, String> values, List<ConfigProblem> problems) {
        return new ConfigReader(values, values, problems, key -> "");
    }

    /** The raw value of a key as text (see {@link ConfigValues#text}), or its default, or the empty string. */
    public String raw(String key) {
        return ConfigValues.text(value(key));
    }

    /** The value of a key as given (text or typed), or its default, or {@code null}. */
    public Object value(String key) {
        Object v = values.get(key);
        return v != null ? v : defaults.get(key);
    }

    /** Records a problem of {@code key}, with the origin of its value appended to {@code allowed}. */
    public void problem(String code, String key, String value, String allowed) {
        problems.add(new ConfigProblem(code, key, value, allowed + origin.apply(key)));
    }

    /** An integer from {@code min} to {@code max}; underscores are allowed as digit separators. */
    public int integer(String key, int min, int max) {
        Object v = value(key);
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            long given = ((Number) v).longValue();
            return integer(key, raw(key), s -> given, min, max);
        }
        return integer(key, raw(key), min, max);
    }

    /** Like {@link #integer(String, int, int)} for a value that is not stored under {@code key}. */
    public int integer(String key, String raw, int min, int max) {
        return integer(key, raw, s -> Long.parseLong(s.trim().replace("_", "")), min, max);
    }

    private int integer(String key, String raw, Function<String, Long> read, int min, int max) {
        long v = ranged(key, raw, read, n -> n >= min && n <= max, "an integer from " + min + " to " + max, () ->
                (long) clampedDefault(key, min, max));
        return (int) v;
    }

    private int clampedDefault(String key, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(defaults.getOrDefault(key, "1"))));
        } catch (NumberFormatException e) {
            return min;
        }
    }

    /** A size in bytes from {@code min} to {@code max} ({@code 4096}, {@code 512KB}, {@code 10MB}). */
    public long size(String key, long min, long max) {
        return size(key, raw(key), min, max, () -> ConfigValues.size(defaults.get(key)));
    }

    /** Like {@link #size(String, long, long)} for a value not stored under {@code key}; {@code otherwise} if bad. */
    public long size(String key, String raw, long min, long max, java.util.function.Supplier<Long> otherwise) {
        return ranged(
                key,
                raw,
                ConfigValues::size,
                n -> n >= min && n <= max,
                "a size from " + min + " to " + max + " bytes, such as 4096, 512KB or 10MB",
                otherwise);
    }

    /** A duration greater than zero and at most {@code max}. */
    public Duration duration(String key, Duration max) {
        Object v = value(key);
        if (v instanceof Duration) {
            return duration(key, raw(key), s -> (Duration) v, max);
        }
        return duration(key, raw(key), max);
    }

    /** Like {@link #duration(String, Duration)} for a value that is not stored under {@code key}. */
    public Duration duration(String key, String raw, Duration max) {
        return duration(key, raw, ConfigValues::duration, max);
    }

    private Duration duration(String key, String raw, Function<String, Duration> read, Duration max) {
        return ranged(
                key,
                raw,
                read,
                d -> !d.isNegative() && !d.isZero() && d.compareTo(max) <= 0,
                ConfigValues.DURATION_FORMS + ", greater than 0 and at most " + ConfigValues.format(max),
                () -> defaults.containsKey(key) ? ConfigValues.duration(defaults.get(key)) : Duration.ofSeconds(5));
    }

    /** {@code true}/{@code false} (also yes/no, on/off, 1/0). */
    public boolean bool(String key) {
        if (value(key) instanceof Boolean) {
            return (Boolean) value(key);
        }
        try {
            return ConfigValues.bool(raw(key));
        } catch (IllegalArgumentException e) {
            problem(ProblemCodes.BAD_VALUE, key, raw(key), "true or false");
            return ConfigValues.bool(defaults.get(key));
        }
    }

    /** One of an enum's constants, written in lower case with {@code -} for {@code _}. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        if (type.isInstance(value(key))) {
            return type.cast(value(key));
        }
        String raw = raw(key).trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().replace('_', '-').equalsIgnoreCase(raw)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().replace('_', '-').toLowerCase(Locale.ROOT));
        }
        problem(ProblemCodes.BAD_VALUE, key, raw, "one of " + String.join(", ", names));
        return fallback;
    }

    /** One of {@code choices}, compared exactly after trimming; returns the choice. */
    public String oneOf(String key, String... choices) {
        return text(key, v -> List.of(choices).contains(v), "one of " + String.join(", ", choices));
    }

    /** A trimmed text that {@code valid} accepts. */
    public String text(String key, Predicate<String> valid, String allowed) {
        String raw = raw(key).trim();
        boolean ok;
        try {
            ok = valid.test(raw);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            problem(ProblemCodes.BAD_VALUE, key, raw(key), allowed);
            return defaults.get(key);
        }
        return raw;
    }

    /** A number from 0 to {@code max}. */
    public double rate(String key, double max) {
        return number(key, 0, max, true);
    }

    /** A number from (or, when {@code minIncluded} is false, greater than) {@code min} to {@code max}. */
    public double number(String key, double min, double max, boolean minIncluded) {
        return ranged(
                key,
                raw(key),
                s -> Double.parseDouble(s.trim()),
                v -> !Double.isNaN(v) && v <= max && v >= min && (minIncluded || v != min),
                "a number " + (minIncluded ? "from " + min : "greater than " + min) + " to " + max,
                () -> Double.parseDouble(defaults.get(key)));
    }

    /**
     * Reads {@code raw} with {@code parse}: a value it cannot read is {@code FAPILOG-C002}, one {@code inRange} refuses
     * {@code FAPILOG-C003}, and either gives {@code fallback} (the key's default) so that reading goes on.
     */
    private <T> T ranged(
            String key,
            String raw,
            Function<String, T> parse,
            Predicate<T> inRange,
            String allowed,
            Supplier<T> fallback) {
        T v;
        try {
            v = parse.apply(raw);
        } catch (IllegalArgumentException | ArithmeticException unreadable) {
            problem(ProblemCodes.BAD_VALUE, key, raw, allowed);
            return fallback.get();
        }
        if (!inRange.test(v)) {
            problem(ProblemCodes.OUT_OF_RANGE, key, raw, allowed);
            return fallback.get();
        }
        return v;
    }

    /** A level name (built-in or registered). */
    public Level level(String key, Level fallback) {
        if (value(key) instanceof Level) {
            return (Level) value(key);
        }
        Optional<Level> l = Level.named(raw(key).trim());
        if (l.isEmpty()) {
            problem(ProblemCodes.BAD_VALUE, key, raw(key), "a level name: " + levelNames());
            return fallback;
        }
        return l.get();
    }

    /** A comma-separated list of level names. */
    public Set<Level> levels(String key) {
        Set<Level> out = new LinkedHashSet<>();
        for (String name : list(key)) {
            Optional<Level> l = Level.named(name);
            if (l.isPresent()) {
                out.add(l.get());
            } else {
                problem(ProblemCodes.BAD_VALUE, key, raw(key), "a comma-separated list of " + levelNames());
                break;
            }
        }
        return Set.copyOf(out);
    }

    /** A comma-separated list ({@code none} or empty for none); see {@link ConfigValues#list}. */
    public List<String> list(String key) {
        Object v = value(key);
        if (v instanceof java.util.Collection<?>) {
            List<String> entries = new ArrayList<>();
            for (Object e : (java.util.Collection<?>) v) {
                String s = ConfigValues.text(e).trim();
                if (!s.isEmpty()) {
                    entries.add(s);
                }
            }
            return entries;
        }
        return ConfigValues.list(raw(key));
    }

    /** The names of every level, for messages. */
    public static String levelNames() {
        List<String> names = new ArrayList<>();
        for (Level l : Level.all()) {
            names.add(l.name());
        }
        return String.join(", ", names);
    }
}
