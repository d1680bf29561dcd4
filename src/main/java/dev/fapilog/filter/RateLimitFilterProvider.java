package dev.fapilog.filter;

import dev.fapilog.spi.Filter;
import dev.fapilog.spi.FilterProvider;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import java.util.List;

/** {@code rate-limit}: a token bucket per key; see {@link RateLimitFilter}. */
public final class RateLimitFilterProvider implements FilterProvider {

    @Override
    public String name() {
        return "rate-limit";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.integer("capacity", "100", 1, 1_000_000_000),
                PluginOption.number("refill-per-second", "10", 0, 1e9),
                PluginOption.text("key-field", "none", "a top-level field name, or none", v -> true),
                PluginOption.integer("max-keys", "10000", 1, 10_000_000),
                PluginOption.oneOf("overflow-action", "drop", "drop", "mark"));
    }

    @Override
    public Filter create(PluginConfig config) {
        String keyField = config.option("key-field").trim();
        return new RateLimitFilter(
                config.integer("capacity"),
                config.number("refill-per-second"),
                keyField.isEmpty() || keyField.equalsIgnoreCase("none") ? null : keyField,
                config.integer("max-keys"),
                config.option("overflow-action").trim().equalsIgnoreCase("mark"));
    }
}
