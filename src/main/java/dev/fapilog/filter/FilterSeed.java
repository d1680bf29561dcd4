package dev.fapilog.filter;

import dev.fapilog.spi.PluginConfig;

/** The seed every built-in filter's random numbers start from ({@code filter.seed}): {@code null} for a random one. */
final class FilterSeed {
    private FilterSeed() {}

    static Long of(PluginConfig config) {
        String seed = config.shared("filter.seed");
        try {
            return seed.equalsIgnoreCase("random") ? null : Long.valueOf(seed);
        } catch (NumberFormatException reportedBySettings) {
            return null;
        }
    }
}
