package dev.fapilog.core;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Event counts by reason ({@code queue_full}, {@code timeout}, ...). Thread-safe. */
final class ReasonCounters {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** The counter for {@code reason}, made on first use: hot paths hold on to it instead of looking it up. */
    LongAdder counter(String reason) {
        return counts.computeIfAbsent(reason, r -> new LongAdder());
    }

    void add(String reason, long n) {
        if (n != 0) {
            counts.computeIfAbsent(reason, r -> new LongAdder()).add(n);
        }
    }

    long total() {
        long t = 0;
        for (LongAdder a : counts.values()) {
            t += a.sum();
        }
        return t;
    }

    /** Adds this counter's values into {@code into}. */
    void addTo(Map<String, Long> into) {
        counts.forEach((reason, count) -> {
            long v = count.sum();
            if (v != 0) {
                into.merge(reason, v, Long::sum);
            }
        });
    }

    Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        addTo(m);
        return m;
    }
}
