package dev.fapilog.filter;

import dev.fapilog.spi.Filter;
import dev.fapilog.spi.FilterProvider;
import dev.fapilog.spi.OptionProblem;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import java.time.Duration;
import java.util.List;

/** {@code adaptive-sampling}: a sample rate that follows the arrival rate; see {@link AdaptiveSamplingFilter}. */
public final class AdaptiveSamplingFilterProvider implements FilterProvider {

    @Override
    public String name() {
        return "adaptive-sampling";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.positiveNumber("target-eps", "1000", 0, 1e9),
                PluginOption.duration("window", "10s", Duration.ofHours(1)),
                PluginOption.positiveNumber("smoothing", "0.3", 0, 1.0),
                PluginOption.number("min-rate", "0.01", 0, 1.0),
                PluginOption.number("max-rate", "1.0", 0, 1.0),
                PluginOption.levels("always-pass-levels", "ERROR,CRITICAL,AUDIT,SECURITY"));
    }

    @Override
    public void check(PluginConfig config) {
        double max = config.number("max-rate");
        if (config.number("min-rate") > max) {
            config.report(
                    OptionProblem.CONFLICT,
                    "min-rate",
                    config.option("min-rate"),
                    "at most filter.adaptive-sampling.max-rate (" + max + ")");
        }
    }

    @Override
    public Filter create(PluginConfig config) {
        double max = config.number("max-rate");
        return new AdaptiveSamplingFilter(
                config.number("target-eps"),
                config.duration("window"),
                config.number("smoothing"),
                Math.min(config.number("min-rate"), max), // a larger min-rate is already reported by check
                max,
                config.levels("always-pass-levels"),
                FilterSeed.of(config));
    }
}
