package dev.fapilog.filter;

import dev.fapilog.Level;
import dev.fapilog.spi.EventView;
import dev.fapilog.spi.Filter;
import dev.fapilog.spi.Section;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code trace-sampling}: keeps or drops whole traces. The decision depends only on the trace id
 * ({@code context.trace_id}, else {@code data.trace_id}), so every event of a trace, in every service configured with
 * the same rate, gets the same one: for a W3C trace id (32 hex digits) its lowest 56 bits, which W3C Trace Context
 * level 2 makes random, are compared with {@code rate * 2^56}; other ids are hashed (FNV-1a, 64 bit) first. Events
 * without a trace id are sampled at random with the same rate. Events of the {@code alwaysPass} levels are always kept.
 *
 * <p>Worker thread only for {@link #accept}; {@link #currentSampleRate()} may be read from any thread.
 */
final class TraceSamplingFilter implements Filter {
    private static final long SPACE = 1L << 56;

    private final double rate;
    private final long threshold;
    private final Set<Level> alwaysPass;
    private final SplittableRandom random;

    /**
     * @param rate share of traces kept, from 0 to 1
     * @param alwaysPass levels never sampled away
     * @param seed seed for events without a trace id, or {@code null} for a random one
     */
    public TraceSamplingFilter(double rate, Set<Level> alwaysPass, Long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be from 0 to 1: " + rate);
        }
        this.rate = rate;
        this.threshold = (long) (rate * SPACE);
        this.alwaysPass = Set.copyOf(alwaysPass);
        this.random = Seeds.random(seed, name());
    }

    @Override
    public String name() {
        return "trace-sampling";
    }

    @Override
    public boolean accept(EventView event) {
        if (rate >= 1 || alwaysPass.contains(event.level())) {
            return true;
        }
        Object id = event.get(Section.CONTEXT, "trace_id");
        if (id == null) {
            id = event.get(Section.DATA, "trace_id");
        }
        if (id == null) {
            return random.nextDouble() < rate;
        }
        return keeps(id.toString());
    }

    /** Whether the trace with this id is kept: the same answer for the same id and rate, everywhere. */
    public boolean keeps(String traceId) {
        return position(traceId) < threshold;
    }

    /** Where the id falls in [0, 2^56). */
    static long position(String id) {
        if (id.length() == 32) {
            long low = 0;
            for (int i = 18; i < 32; i++) {
                int d = Character.digit(id.charAt(i), 16);
                if (d < 0) {
                    return hash(id);
                }
                low = (low << 4) | d;
            }
            return low;
        }
        return hash(id);
    }

    private static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h >>> 8;
    }

    @Override
    public double currentSampleRate() {
        return rate;
    }
}
