package dev.fapilog.core;

import java.util.Arrays;
import java.util.Map;

/** Fields collected by a fluent event builder before its {@code log} call. Single-threaded, like the builder. */
abstract class EventFields {
    private Object[] pairs = new Object[8];
    private int size;
    private Throwable cause;

    final void add(String key, Object value) {
        if (size + 2 > pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[size++] = key;
        pairs[size++] = value;
    }

    final void addAll(Map<String, ?> fields) {
        if (fields == null) {
            return;
        }
        try {
            for (Map.Entry<String, ?> e : fields.entrySet()) {
                add(e.getKey(), e.getValue());
            }
        } catch (Throwable unreadable) {
            add("_fields", Markers.threw("reading the field map", fields.getClass(), unreadable));
        }
    }

    final void setCause(Throwable error) {
        this.cause = error;
    }

    final Throwable cause() {
        return cause;
    }

    /** The collected pairs, captured ({@link ValueCapture}) and trimmed. */
    final Object[] pairs(ValueLimits limits) {
        return size == 0 ? CoreLogger.NO_FIELDS : ValueCapture.fields(Arrays.copyOf(pairs, size), size, limits);
    }
}
