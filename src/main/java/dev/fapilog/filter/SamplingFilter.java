package dev.fapilog.filter;

import dev.fapilog.spi.EventView;
import dev.fapilog.spi.Filter;
import java.util.SplittableRandom;

/**
 * {@code sampling}: keeps each event with probability {@code rate}, whatever its level (use
 * {@code adaptive-sampling} or {@code trace-sampling} to protect levels). With a seed, the same sequence of events
 * gives the same decisions, run after run.
 *
 * <p>Worker thread only for {@link #accept}; {@link #currentSampleRate()} may be read from any thread.
 */
final class SamplingFilter implements Filter {
    private final double rate;
    private final SplittableRandom random;

    /**
     * @param rate share of events kept, from 0 to 1
     * @param seed seed of the random numbers, or {@code null} for a random one
     */
    public SamplingFilter(double rate, Long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rate must be from 0 to 1: " + rate);
        }
        this.rate = rate;
        this.random = Seeds.random(seed, name());
    }

    @Override
    public String name() {
        return "sampling";
    }

    @Override
    public boolean accept(EventView event) {
        return rate >= 1 || random.nextDouble() < rate;
    }

    @Override
    public double currentSampleRate() {
        return rate;
    }
}
