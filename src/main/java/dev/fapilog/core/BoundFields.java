package dev.fapilog.core;

import dev.fapilog.config.ValueLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges fields given to {@code bind} into a logger's bound fields, once, at bind time: later binds override earlier
 * ones, and within one call the last occurrence of a key wins. Pairs with an invalid key are kept so that every event
 * counts them in {@code _invalid_keys}; an unpaired last argument is kept as {@code _unpaired}.
 */
final class BoundFields {
    private BoundFields() {}

    /** The bound fields after {@code bind(keyValues...)}; {@code current} itself when there is nothing to bind. */
    static Object[] bind(Object[] current, Object[] keyValues, ValueLimits limits) {
        if (keyValues == null || keyValues.length == 0) {
            return current;
        }
        return merge(current, ValueCapture.fields(keyValues, keyValues.length, limits), keyValues.length);
    }

    /** The bound fields after {@code bind(map)}; {@code current} itself when the map is empty. */
    static Object[] bind(Object[] current, java.util.Map<String, ?> fields, ValueLimits limits) {
        Object[] captured = ValueCapture.fields(fields, limits);
        return captured.length == 0 ? current : merge(current, captured, captured.length);
    }

    static Object[] merge(Object[] existing, Object[] capturedPairs, int count) {
        Map<String, Object> merged = new LinkedHashMap<>();
        List<Object> invalid = new ArrayList<>();
        collect(existing, existing.length, merged, invalid);
        collect(capturedPairs, count, merged, invalid);
        Object[] out = new Object[merged.size() * 2 + invalid.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : merged.entrySet()) {
            out[i++] = e.getKey();
            out[i++] = e.getValue();
        }
        for (Object o : invalid) {
            out[i++] = o;
        }
        return out;
    }

    private static void collect(Object[] kv, int count, Map<String, Object> into, List<Object> invalid) {
        int pairs = count & ~1;
        for (int i = 0; i < pairs; i += 2) {
            Object k = kv[i];
            if (k instanceof String && !((String) k).isEmpty()) {
                into.remove(k); // re-insert so the newest value keeps a stable, later position
                into.put((String) k, kv[i + 1]);
            } else {
                invalid.add(null);
                invalid.add(kv[i + 1]);
            }
        }
        if (count != pairs) {
            into.put("_unpaired", kv[count - 1]);
        }
    }
}
