package dev.fapilog.filter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most {@code maxKeys} entries that forgets the least recently used one beyond that, so a flood of
 * distinct keys (one per user id, say) cannot grow the worker's memory without bound. Its size may be read from any
 * thread; everything else is worker thread only.
 */
final class KeyTable<V> extends LinkedHashMap<String, V> {
    private static final long serialVersionUID = 1L;

    private final int maxKeys;
    private volatile int tracked;

    KeyTable(int maxKeys) {
        super(16, 0.75f, true);
        this.maxKeys = maxKeys;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > maxKeys;
    }

    /** Adds an entry, evicting the least recently used one when full. */
    void add(String key, V value) {
        put(key, value);
        tracked = size();
    }

    /** The number of keys, readable from any thread. */
    int tracked() {
        return tracked;
    }

    int maxKeys() {
        return maxKeys;
    }
}
