package dev.fapilog.filter;

import dev.fapilog.spi.Filter;
import dev.fapilog.spi.FilterProvider;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import java.util.List;

/** {@code trace-sampling}: keeps whole traces at the share {@code filter.trace-sampling.rate}. */
public final class TraceSamplingFilterProvider implements FilterProvider {

    @Override
    public String name() {
        return "trace-sampling";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.number("rate", "1.0", 0, 1.0),
                PluginOption.levels("always-pass-levels", "ERROR,CRITICAL,AUDIT,SECURITY"));
    }

    @Override
    public Filter create(PluginConfig config) {
        return new TraceSamplingFilter(
                config.number("rate"), config.levels("always-pass-levels"), FilterSeed.of(config));
    }
}
