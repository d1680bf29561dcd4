package dev.fapilog.core;

import java.util.Arrays;

/**
 * The fields of one section of a {@link WorkingEvent}: keys and values in insertion order, reused from event to event
 * so that the worker does not allocate per event. Lookups scan linearly while the list is small and use an
 * open-addressing index once it grows, so a call with thousands of fields costs linear, not quadratic, time.
 */
final class FieldList {
    private static final int INDEX_THRESHOLD = 12;

    private String[] keys = new String[16];
    private Object[] values = new Object[16];
    private int size;
    private int[] index; // slot -> position + 1; null while small
    private int omitted;

    int size() {
        return size;
    }

    String key(int i) {
        return keys[i];
    }

    Object value(int i) {
        return values[i];
    }

    void set(int i, Object value) {
        values[i] = value;
    }

    /** Fields refused because the section was full. */
    int omitted() {
        return omitted;
    }

    void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        omitted = 0;
        // Only events with many fields build an index; drop it rather than clear a big array for every later event.
        index = null;
    }

    int indexOf(String key) {
        if (index == null) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = index.length - 1;
        for (int slot = mix(key.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int at = index[slot];
            if (at == 0) {
                return -1;
            }
            if (keys[at - 1].equals(key)) {
                return at - 1;
            }
        }
    }

    Object get(String key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    /** Adds or overwrites (keeping the original position); refuses new keys beyond {@code max} fields. */
    void put(String key, Object value, int max) {
        int i = indexOf(key);
        if (i >= 0) {
            values[i] = value;
        } else {
            append(key, value, max);
        }
    }

    /** Adds only when the key is absent. */
    void putIfAbsent(String key, Object value, int max) {
        if (indexOf(key) < 0) {
            append(key, value, max);
        }
    }

    void remove(String key) {
        int i = indexOf(key);
        if (i < 0) {
            return;
        }
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
        if (index != null) {
            rebuildIndex();
        }
    }

    private void append(String key, Object value, int max) {
        if (size >= max) {
            omitted++;
            return;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size << 1);
            values = Arrays.copyOf(values, size << 1);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        if (index != null) {
            if (size * 2 > index.length) {
                rebuildIndex();
            } else {
                insertIndex(size - 1);
            }
        } else if (size > INDEX_THRESHOLD) {
            rebuildIndex();
        }
    }

    private void rebuildIndex() {
        int length = Integer.highestOneBit(Math.max(32, size * 4 - 1)) << 1;
        index = new int[length];
        for (int i = 0; i < size; i++) {
            insertIndex(i);
        }
    }

    private void insertIndex(int position) {
        int mask = index.length - 1;
        int slot = mix(keys[position].hashCode()) & mask;
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = position + 1;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }
}
