package dev.fapilog.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable snapshot of a map (or of a record's components) taken on the caller thread. Keys are strings. Entries
 * beyond the cap are left out and counted in {@link #omitted()}.
 */
final class CapturedMap extends AbstractMap<String, Object> {
    private final String[] keys;
    private final Object[] values;
    private final int omitted;

    private final long approxBytes;

    CapturedMap(String[] keys, Object[] values, int omitted) {
        this.keys = keys;
        this.values = values;
        this.omitted = omitted;
        this.approxBytes = EventSizes.ofAll(keys) + EventSizes.ofAll(values);
    }

    /** Estimated heap size, for the queue's byte budget (see {@link EventSizes}). */
    long approxBytes() {
        return approxBytes;
    }

    /** Number of entries left out because of the cap. */
    public int omitted() {
        return omitted;
    }

    public String keyAt(int i) {
        return keys[i];
    }

    public Object valueAt(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (String k : keys) {
            if (k.equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** A copy with the value at {@code index} replaced (used by redactors). */
    public CapturedMap withValueAt(int index, Object value) {
        Object[] v = values.clone();
        v[index] = value;
        return new CapturedMap(keys, v, omitted);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    int i;

                    @Override
                    public boolean hasNext() {
                        return i < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int at = i++;
                        return new SimpleImmutableEntry<>(keys[at], values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }
}
