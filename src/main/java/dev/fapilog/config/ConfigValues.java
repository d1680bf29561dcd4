package dev.fapilog.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for the textual setting values: durations ({@code 250ms}, {@code 5s}, {@code 1m}, {@code PT5S}), sizes
 * ({@code 10MB}, {@code 512KB}, {@code 4096}), booleans and comma-separated lists. Each parser throws
 * {@link IllegalArgumentException} for a value it cannot read.
 */
public final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|kib|mb|mib|gb|gib)?");

    /** What {@link #duration} accepts, for error messages. */
    public static final String DURATION_FORMS = "a duration such as 250ms, 5s, 1m, 1h or PT5S";

    private ConfigValues() {}

    public static Duration duration(String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("pt") || v.startsWith("p")) {
            try {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(raw);
            }
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(raw);
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        long nanosPerUnit;
        switch (m.group(2)) {
            case "ns":
                nanosPerUnit = 1L;
                break;
            case "us":
                nanosPerUnit = 1_000L;
                break;
            case "ms":
                nanosPerUnit = 1_000_000L;
                break;
            case "s":
                nanosPerUnit = 1_000_000_000L;
                break;
            case "m":
                nanosPerUnit = 60_000_000_000L;
                break;
            case "h":
                nanosPerUnit = 3_600_000_000_000L;
                break;
            default:
                nanosPerUnit = 86_400_000_000_000L;
                break;
        }
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit));
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(raw);
        }
        return Duration.ofNanos(nanos.longValue());
    }

    /** Renders a duration the way {@link #duration} reads it back. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L == 0) {
            return (nanos / 1_000_000_000L) + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return (nanos / 1_000_000L) + "ms";
        }
        return nanos + "ns";
    }

    /** A size in bytes. Units are powers of 1024; {@code KB} and {@code KiB} are the same. */
    public static long size(String raw) {
        Matcher m = SIZE.matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(raw);
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor =
                unit.startsWith("k") ? 1L << 10 : unit.startsWith("m") ? 1L << 20 : unit.startsWith("g") ? 1L << 30 : 1;
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(raw);
        }
        return bytes.longValue();
    }

    public static boolean bool(String raw) {
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
            case "on":
            case "1":
                return true;
            case "false":
            case "no":
            case "off":
            case "0":
                return false;
            default:
                throw new IllegalArgumentException(raw);
        }
    }

    public static int integer(String raw) {
        try {
            return Integer.parseInt(raw.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(raw);
        }
    }

    /**
     * A comma-separated list; blank entries are ignored; {@code none} or an empty value is the empty list. As in
     * MicroProfile Config, {@code \,} is a comma inside an entry (a regular expression such as {@code a{1\,3}});
     * every other backslash is kept.
     */
    public static List<String> list(String raw) {
        List<String> out = new ArrayList<>();
        if (raw == null || raw.isBlank() || raw.trim().equalsIgnoreCase("none")) {
            return out;
        }
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == ',') {
                part.append(',');
                i++;
            } else if (c == ',') {
                addTrimmed(part, out);
            } else {
                part.append(c);
            }
        }
        addTrimmed(part, out);
        return out;
    }

    /** The list entries written so that {@link #list} reads them back (commas inside an entry escaped). */
    public static String joinList(List<String> entries) {
        StringJoiner joined = new StringJoiner(",");
        entries.forEach(e -> joined.add(e.replace(",", "\\,")));
        return joined.toString();
    }

    private static void addTrimmed(StringBuilder part, List<String> out) {
        String p = part.toString().trim();
        if (!p.isEmpty()) {
            out.add(p);
        }
        part.setLength(0);
    }

    /**
     * A value as the text a user would have written for it: strings as they are, durations as {@link #format},
     * levels by name, presets by id, other enum constants in lower case with {@code -}, collections as a list
     * ({@link #joinList}). Used for values given typed (by the builder), in messages and where a text is needed.
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Duration) {
            return format((Duration) value);
        }
        if (value instanceof dev.fapilog.Level) {
            return ((dev.fapilog.Level) value).name();
        }
        if (value instanceof dev.fapilog.Preset) {
            return ((dev.fapilog.Preset) value).id();
        }
        if (value instanceof Enum<?>) {
            return ((Enum<?>) value).name().replace('_', '-').toLowerCase(Locale.ROOT);
        }
        if (value instanceof java.util.Collection<?>) {
            List<String> entries = new ArrayList<>();
            for (Object e : (java.util.Collection<?>) value) {
                entries.add(text(e));
            }
            return entries.isEmpty() ? "none" : joinList(entries);
        }
        return String.valueOf(value);
    }
}
