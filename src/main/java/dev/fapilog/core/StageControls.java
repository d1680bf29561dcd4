package dev.fapilog.core;

import dev.fapilog.FilterStats;
import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the application can see and change of the running stages: each filter's drop count, sample rate and tracked
 * keys, and each enricher's on/off switch. Indexed by configured position. Thread-safe: the worker writes counts and
 * reads switches, any thread reads counts and flips switches.
 */
final class StageControls {
    private final Filter[] filters;
    private final AtomicLongArray filtered;
    private final String[] enricherNames;
    private final AtomicIntegerArray enricherOff;

    StageControls(List<Filter> filters, List<Enricher> enrichers) {
        this.filters = filters.toArray(new Filter[0]);
        this.filtered = new AtomicLongArray(this.filters.length);
        this.enricherNames = new String[enrichers.size()];
        for (int i = 0; i < enricherNames.length; i++) {
            enricherNames[i] = Stages.name(enrichers.get(i));
        }
        this.enricherOff = new AtomicIntegerArray(enricherNames.length);
    }

    /** Worker thread: filter {@code index} dropped an event. */
    void filtered(int index) {
        filtered.lazySet(index, filtered.get(index) + 1); // one writer: no read-modify-write race
    }

    /** Worker thread, once per enricher per event: a plain volatile read. */
    boolean enricherOn(int index) {
        return enricherOff.get(index) == 0;
    }

    List<FilterStats> filterStats() {
        List<FilterStats> out = new ArrayList<>(filters.length);
        for (int i = 0; i < filters.length; i++) {
            Filter f = filters[i];
            double rate;
            int keys;
            try {
                rate = f.currentSampleRate();
                keys = f.trackedKeyCount();
            } catch (RuntimeException broken) {
                rate = Double.NaN;
                keys = -1;
            }
            out.add(new FilterStats(Stages.name(f), rate, keys, filtered.get(i)));
        }
        return List.copyOf(out);
    }

    List<String> enricherNames() {
        return List.of(enricherNames);
    }

    boolean setEnricherEnabled(String name, boolean enabled) {
        boolean found = false;
        for (int i = 0; i < enricherNames.length; i++) {
            if (enricherNames[i].equals(name)) {
                enricherOff.set(i, enabled ? 0 : 1);
                found = true;
            }
        }
        return found;
    }

    boolean isEnricherEnabled(String name) {
        for (int i = 0; i < enricherNames.length; i++) {
            if (enricherNames[i].equals(name)) {
                return enricherOff.get(i) == 0;
            }
        }
        return false;
    }
}
