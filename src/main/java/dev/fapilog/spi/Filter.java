package dev.fapilog.spi;

import dev.fapilog.Plugin;

/**
 * Decides whether an event goes on. Runs on the worker thread, before enrichers. A filter that throws is skipped for
 * that event (the event goes on) and the failure is reported on the diagnostics channel.
 *
 * <p>The view the runtime passes is also a {@link MutableEvent}: a filter that keeps an event may mark it (as
 * {@code rate-limit} does with {@code rate_limited=true}), but should leave everything else to enrichers and
 * redactors.
 */
public interface Filter extends Plugin, Stage {

    /** {@code true} to keep the event, {@code false} to drop it (counted as filtered). */
    boolean accept(EventView event);

    /**
     * The share of events the filter keeps now, from 0 to 1 (1 for filters that do not sample). Read from any thread
     * (for {@code LogRuntime.filterStats()}), so implementations must make it safe to read there.
     */
    default double currentSampleRate() {
        return 1.0;
    }

    /** How many keys the filter tracks now (buckets, remembered messages); 0 for filters without keys. Any thread. */
    default int trackedKeyCount() {
        return 0;
    }
}
