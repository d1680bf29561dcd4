package dev.fapilog.filter;

import dev.fapilog.Level;
import dev.fapilog.spi.Filter;
import dev.fapilog.spi.FilterProvider;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code level}: drops events below {@code filter.level.min-level}, or below the threshold of the longest matching
 * logger-name prefix in {@code filter.level.loggers} ({@code com.acme.noisy=WARNING,...}).
 */
public final class LevelFilterProvider implements FilterProvider {

    @Override
    public String name() {
        return "level";
    }

    @Override
    public List<PluginOption> options() {
        List<String> names = new ArrayList<>();
        Level.all().forEach(l -> names.add(l.name()));
        return List.of(
                PluginOption.level("min-level", "TRACE"),
                PluginOption.list(
                        "loggers",
                        "none",
                        "a comma-separated list of logger-prefix=LEVEL, such as com.acme.noisy=WARNING; levels: "
                                + String.join(", ", names),
                        entry -> entry.indexOf('=') > 0
                                && Level.named(entry.substring(entry.indexOf('=') + 1)
                                                .trim())
                                        .isPresent()));
    }

    @Override
    public Filter create(PluginConfig config) {
        Map<String, Level> loggers = new LinkedHashMap<>();
        for (String entry : config.list("loggers")) {
            int eq = entry.indexOf('=');
            loggers.put(
                    entry.substring(0, eq).trim(),
                    Level.named(entry.substring(eq + 1).trim()).orElseThrow());
        }
        return new LevelFilter(config.level("min-level"), loggers);
    }
}
