package dev.fapilog.bench;

import java.util.List;
import java.util.Map;

/** Looks up result rows by their identifying fields. */
final class Rows {
    private Rows() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> all, String section) {
        return (List<Map<String, Object>>) all.get(section);
    }

    /** The first row whose fields equal the given key/value pairs, or {@code null}. */
    static Map<String, Object> find(List<Map<String, Object>> rows, Object... keyValues) {
        outer:
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < keyValues.length; i += 2) {
                if (!String.valueOf(row.get((String) keyValues[i])).equals(String.valueOf(keyValues[i + 1]))) {
                    continue outer;
                }
            }
            return row;
        }
        return null;
    }

    static double num(Map<String, Object> row, String key) {
        if (row == null || !(row.get(key) instanceof Number)) {
            return Double.NaN;
        }
        return ((Number) row.get(key)).doubleValue();
    }
}
