package dev.fapilog.filter;

import dev.fapilog.spi.Filter;
import dev.fapilog.spi.FilterProvider;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import java.util.List;

/** {@code sampling}: keeps the share {@code filter.sampling.rate} of events, at random (seeded by filter.seed). */
public final class SamplingFilterProvider implements FilterProvider {

    @Override
    public String name() {
        return "sampling";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(PluginOption.number("rate", "1.0", 0, 1.0));
    }

    @Override
    public Filter create(PluginConfig config) {
        return new SamplingFilter(config.number("rate"), FilterSeed.of(config));
    }
}
