package dev.fapilog.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the values given to a builder's {@code sensitive}/{@code pii} calls on the caller thread, before the event is
 * queued: the structure (map keys, list lengths) stays readable, every leaf becomes the mask. So the secret never
 * reaches the queue, a plug-in, a sink or a heap dump of the worker's buffers, whatever redactors are configured.
 */
final class SensitiveValues {
    private static final int MAX_DEPTH = 16;

    private SensitiveValues() {}

    /** {@code fields} with every leaf replaced by {@code mask}; never throws (an unreadable value becomes the mask). */
    static Map<String, Object> masked(Map<String, Object> fields, String mask) {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k, mask(v, mask, 1)));
        return Collections.unmodifiableMap(out);
    }

    private static Object mask(Object value, String mask, int depth) {
        if (depth > MAX_DEPTH) {
            return mask;
        }
        try {
            if (value instanceof Map<?, ?>) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                    out.put(String.valueOf(e.getKey()), mask(e.getValue(), mask, depth + 1));
                }
                return Collections.unmodifiableMap(out);
            }
            if (value instanceof Collection<?>) {
                List<Object> out = new ArrayList<>();
                for (Object element : (Collection<?>) value) {
                    out.add(mask(element, mask, depth + 1));
                }
                return Collections.unmodifiableList(out);
            }
            return mask;
        } catch (RuntimeException unreadable) {
            return mask; // a map or list that throws while read: nothing of it is written
        }
    }
}
