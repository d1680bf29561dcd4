package dev.fapilog.testing;

import dev.fapilog.spi.JsonText;
import java.util.Map;

/**
 * Reads fapilog's own output back, for example in tests with {@link dev.fapilog.testing.MemorySink}: the strict parser
 * of {@link JsonText} (objects as {@code LinkedHashMap}s in document order, arrays as {@code ArrayList}s, numbers as
 * {@code Long}, {@code Double} or {@code BigDecimal}, duplicate keys rejected) over text, lines and files.
 * Thread-safe (stateless).
 */
public final class JsonReader {
    private JsonReader() {}

    /**
     * Parses one JSON value that must make up the whole text (surrounding whitespace allowed).
     *
     * @throws IllegalArgumentException with the position of the first error
     */
    public static Object parse(String json) {
        return JsonText.parse(json);
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        Object v = parse(json);
        if (!(v instanceof Map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>) v;
    }

    /**
     * Reads a JSON-lines file (one object per line, blank lines skipped), as the {@code file} sink writes it.
     *
     * @throws IllegalArgumentException naming the line number of a line that is not one JSON object
     */
    public static java.util.List<Map<String, Object>> readLines(java.nio.file.Path file) throws java.io.IOException {
        java.util.List<Map<String, Object>> records = new java.util.ArrayList<>();
        int number = 0;
        for (String line : java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                records.add(parseObject(line));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException(file + " line " + number + ": " + bad.getMessage(), bad);
            }
        }
        return records;
    }
}
