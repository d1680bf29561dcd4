package dev.fapilog.redact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds nested maps and lists only where a redactor changed something. Event values are immutable snapshots, so a
 * change deep inside one means new copies along its path and the very same objects everywhere else; when nothing
 * changed, the original object comes back and nothing is allocated.
 */
final class CopyOnWrite {

    /** Computes a new value for one map entry; returns the value itself for "no change". */
    @FunctionalInterface
    interface EntryChange {
        Object apply(String key, Object value);
    }

    /** Computes a new value for one list element; returns the element itself for "no change". */
    @FunctionalInterface
    interface ElementChange {
        Object apply(int index, Object element);
    }

    private CopyOnWrite() {}

    /** {@code map} with each entry's value replaced by {@code change}; the same map if nothing changed. */
    static Object map(Map<?, ?> map, EntryChange change) {
        Map<String, Object> copy = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object next = change.apply(key, e.getValue());
            if (next != e.getValue()) {
                if (copy == null) {
                    copy = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> c : map.entrySet()) {
                        copy.put(String.valueOf(c.getKey()), c.getValue());
                    }
                }
                copy.put(key, next);
            }
        }
        return copy == null ? map : Collections.unmodifiableMap(copy);
    }

    /** {@code list} with each element replaced by {@code change}; the same list if nothing changed. */
    static Object list(List<?> list, ElementChange change) {
        List<Object> copy = null;
        for (int k = 0; k < list.size(); k++) {
            Object element = list.get(k);
            Object next = change.apply(k, element);
            if (next != element) {
                if (copy == null) {
                    copy = new ArrayList<>(list);
                }
                copy.set(k, next);
            }
        }
        return copy == null ? list : Collections.unmodifiableList(copy);
    }
}
