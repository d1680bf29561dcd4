package dev.fapilog.core;

import dev.fapilog.config.ValueLimits;
import dev.fapilog.spi.Fatal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fields collected by a fluent event builder before its {@code log} call. Single-threaded, like the builder. */
abstract class EventFields {
    private Object[] pairs = new Object[8];
    private int size;
    private Throwable cause;
    private Map<String, Object> sensitive;
    private boolean unredacted;

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
            Fatal.rethrowIfFatal(unreadable);
            add("_fields", Markers.threw("reading the field map", fields.getClass(), unreadable));
        }
    }

    /** A field whose value is masked when the event is captured; it is written under {@code data.sensitive}. */
    final void addSensitive(String key, Object value) {
        if (sensitive == null) {
            sensitive = new LinkedHashMap<>();
        }
        sensitive.put(String.valueOf(key), value);
    }

    final void setUnredacted() {
        unredacted = true;
    }

    /** The flags for {@code Intake.log}: fields already captured, and unredacted when asked for. */
    final int flags() {
        return Intake.FIELDS_CAPTURED | (unredacted ? Intake.UNREDACTED : 0);
    }

    final void setCause(Throwable error) {
        this.cause = error;
    }

    final Throwable cause() {
        return cause;
    }

    /**
     * The collected pairs, captured ({@link ValueCapture}) and trimmed, with the sensitive fields masked with
     * {@code mask} under {@code sensitive} (last, so a plain field of that name cannot replace them).
     */
    final Object[] pairs(ValueLimits limits, String mask) {
        if (sensitive != null) {
            add("sensitive", SensitiveValues.masked(sensitive, mask));
            sensitive = null;
        }
        return size == 0 ? FacadeBase.NO_FIELDS : ValueCapture.fields(Arrays.copyOf(pairs, size), size, limits);
    }
}
