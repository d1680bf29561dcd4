package dev.fapilog.config;

import dev.fapilog.spi.EventView;
import dev.fapilog.spi.Filter;
import dev.fapilog.spi.FilterProvider;
import dev.fapilog.spi.OptionProblem;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Section;
import java.util.List;

/** A filter provider as a third party would ship it, registered in test META-INF/services. */
public final class ThirdPartyFilterProvider implements FilterProvider {

    @Override
    public String name() {
        return "drop-marked";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.text("field", "marked", "a top-level data field name", v -> v.matches("[a-z_]+")),
                PluginOption.integer("max-length", "64", 1, 1024));
    }

    @Override
    public void check(PluginConfig config) {
        if (config.option("field").length() > config.integer("max-length")) {
            config.report(OptionProblem.CONFLICT, "field", config.option("field"), "at most max-length characters");
        }
    }

    @Override
    public Filter create(PluginConfig config) {
        String field = config.option("field");
        return new Filter() {
            @Override
            public String name() {
                return "drop-marked";
            }

            @Override
            public boolean accept(EventView event) {
                return !event.contains(Section.DATA, field);
            }
        };
    }
}
