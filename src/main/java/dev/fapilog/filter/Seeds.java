package dev.fapilog.filter;

import java.util.SplittableRandom;

/** Random number sources for the filters: seeded per filter name, so two filters with one seed differ. */
final class Seeds {
    private Seeds() {}

    static SplittableRandom random(Long seed, String filter) {
        return seed == null ? new SplittableRandom() : new SplittableRandom(seed ^ ((long) filter.hashCode() << 32));
    }
}
