package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.Routing;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Routing} compiled against the runtime's sinks: for each level, a bit mask of the sink runners (by index)
 * that get its events. Masks are computed once per level and cached; the worker is the only reader of the cache,
 * and a new routing replaces the whole table. At most 64 sinks can be routed (more is a configuration error).
 */
final class RouteTable {
    static final int MAX_SINKS = 64;

    private final Routing routing;
    private final List<String> sinks;
    private final long all;
    private final Map<Level, Long> masks = new IdentityHashMap<>();

    private RouteTable(Routing routing, List<String> sinks) {
        this.routing = routing;
        this.sinks = List.copyOf(sinks);
        this.all = sinks.size() >= MAX_SINKS ? -1L : (1L << sinks.size()) - 1;
    }

    /**
     * @throws IllegalArgumentException naming every sink of the routing that is not one of {@code sinks}
     */
    static RouteTable of(Routing routing, List<String> sinks) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Routing.Rule r : routing.rules()) {
            for (String s : r.sinks()) {
                if (!sinks.contains(s)) {
                    unknown.add(s);
                }
            }
        }
        for (String s : routing.fallback()) {
            if (!sinks.contains(s)) {
                unknown.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("routing names sinks this runtime does not have: "
                    + String.join(", ", unknown) + " (its sinks: " + String.join(", ", sinks) + ")");
        }
        if (routing.isActive() && sinks.size() > MAX_SINKS) {
            throw new IllegalArgumentException("routing supports at most " + MAX_SINKS + " sinks");
        }
        return new RouteTable(routing, sinks);
    }

    Routing routing() {
        return routing;
    }

    boolean isActive() {
        return routing.isActive();
    }

    /** Every sink. */
    long all() {
        return all;
    }

    /** The sinks an event at {@code level} goes to; 0 when none. Worker thread. */
    long maskFor(Level level) {
        if (!routing.isActive()) {
            return all;
        }
        Long m = masks.get(level);
        if (m == null) {
            long mask = 0;
            for (String s : routing.sinksFor(level)) {
                mask |= 1L << sinks.indexOf(s);
            }
            m = mask;
            masks.put(level, m);
        }
        return m;
    }

    /** Sinks that no rule and no fallback names: they get nothing while this routing holds. */
    List<String> unreached() {
        List<String> out = new ArrayList<>();
        if (!routing.isActive()) {
            return out;
        }
        for (String s : sinks) {
            boolean named = routing.fallback().contains(s);
            for (Routing.Rule r : routing.rules()) {
                named |= r.sinks().contains(s);
            }
            if (!named) {
                out.add(s);
            }
        }
        return out;
    }
}
