package dev.fapilog.filter;

import dev.fapilog.spi.Filter;
import dev.fapilog.spi.FilterProvider;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import java.time.Duration;
import java.util.List;

/** {@code first-occurrence}: keeps the first event of each key within a window; see {@link FirstOccurrenceFilter}. */
public final class FirstOccurrenceFilterProvider implements FilterProvider {

    @Override
    public String name() {
        return "first-occurrence";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.requiredList(
                        "key-fields", "message", "message and/or top-level field names, comma-separated", v -> true),
                PluginOption.duration("window", "60s", Duration.ofDays(1)),
                PluginOption.number("subsequent-sample-rate", "0", 0, 1.0),
                PluginOption.integer("max-keys", "10000", 1, 10_000_000));
    }

    @Override
    public Filter create(PluginConfig config) {
        List<String> keyFields = config.list("key-fields");
        return new FirstOccurrenceFilter(
                keyFields.isEmpty() ? List.of("message") : keyFields,
                config.duration("window"),
                config.number("subsequent-sample-rate"),
                config.integer("max-keys"),
                FilterSeed.of(config));
    }
}
