package dev.fapilog.filter;

import dev.fapilog.Level;
import dev.fapilog.spi.EventView;
import dev.fapilog.spi.Filter;
import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code adaptive-sampling}: keeps about {@code targetEps} events per second whatever the arrival rate. Arrivals are
 * counted per second over a sliding window; at most once a second the sample rate is recomputed as target / observed
 * rate, smoothed with an exponential moving average and clamped to [{@code minRate}, {@code maxRate}]. Events of the
 * {@code alwaysPass} levels are always kept (they still count as arrivals).
 *
 * <p>Time is the events' capture time. Worker thread only for {@link #accept}; {@link #currentSampleRate()} may be
 * read from any thread.
 */
final class AdaptiveSamplingFilter implements Filter {
    private final double targetEps;
    private final double smoothing;
    private final double minRate;
    private final double maxRate;
    private final Set<Level> alwaysPass;
    private final long[] perSecond;
    private final SplittableRandom random;
    private long currentSecond = Long.MIN_VALUE;
    private long firstSecond;
    private long lastRecompute;
    private volatile double rate;

    /**
     * @param targetEps events per second to aim for, greater than 0
     * @param window how long the arrival rate is measured over, at least one second
     * @param smoothing weight of the newest rate, greater than 0 and at most 1 (1 = no smoothing)
     * @param minRate lowest sample rate
     * @param maxRate highest sample rate, also the rate at start
     * @param alwaysPass levels never sampled away
     * @param seed seed of the random numbers, or {@code null} for a random one
     */
    public AdaptiveSamplingFilter(
            double targetEps,
            Duration window,
            double smoothing,
            double minRate,
            double maxRate,
            Set<Level> alwaysPass,
            Long seed) {
        if (!(targetEps > 0)
                || !(smoothing > 0 && smoothing <= 1)
                || !(minRate >= 0 && minRate <= maxRate)
                || maxRate > 1) {
            throw new IllegalArgumentException("targetEps > 0, 0 < smoothing <= 1, 0 <= minRate <= maxRate <= 1");
        }
        this.targetEps = targetEps;
        this.smoothing = smoothing;
        this.minRate = minRate;
        this.maxRate = maxRate;
        this.alwaysPass = Set.copyOf(alwaysPass);
        this.perSecond = new long[(int) Math.max(1, Math.min(3600, window.toSeconds()))];
        this.random = Seeds.random(seed, name());
        this.rate = maxRate;
    }

    @Override
    public String name() {
        return "adaptive-sampling";
    }

    @Override
    public boolean accept(EventView event) {
        arrive(event.epochSecond());
        if (alwaysPass.contains(event.level())) {
            return true;
        }
        double r = rate;
        return r >= 1 || random.nextDouble() < r;
    }

    private void arrive(long second) {
        if (currentSecond == Long.MIN_VALUE) {
            currentSecond = second;
            firstSecond = second;
            lastRecompute = second;
        } else if (second > currentSecond) {
            long steps = Math.min(second - currentSecond, perSecond.length);
            for (long s = 1; s <= steps; s++) {
                perSecond[(int) Math.floorMod(currentSecond + s, (long) perSecond.length)] = 0;
            }
            currentSecond = second;
        }
        // An event from an earlier second (the protected lane can overtake) counts in the current one.
        perSecond[(int) Math.floorMod(currentSecond, (long) perSecond.length)]++;
        if (currentSecond - lastRecompute >= 1) {
            recompute();
            lastRecompute = currentSecond;
        }
    }

    /** The completed seconds of the window only: the current second is still filling. */
    private void recompute() {
        long seconds = Math.min(perSecond.length - 1, currentSecond - firstSecond);
        if (seconds <= 0) {
            seconds = 1;
        }
        long arrivals = 0;
        for (long s = 1; s <= seconds; s++) {
            arrivals += perSecond[(int) Math.floorMod(currentSecond - s, (long) perSecond.length)];
        }
        double observed = arrivals / (double) seconds;
        double desired = observed <= 0 ? maxRate : Math.max(minRate, Math.min(maxRate, targetEps / observed));
        double next = smoothing * desired + (1 - smoothing) * rate;
        rate = Math.max(minRate, Math.min(maxRate, next));
    }

    @Override
    public double currentSampleRate() {
        return rate;
    }
}
