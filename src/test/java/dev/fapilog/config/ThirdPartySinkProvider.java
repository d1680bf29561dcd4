package dev.fapilog.config;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink provider as a third party would ship it, registered in test META-INF/services. */
public final class ThirdPartySinkProvider implements SinkProvider {
    static final List<String> LINES = new CopyOnWriteArrayList<>();
    static volatile String lastPrefix;

    @Override
    public String name() {
        return "test-collector";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.text("prefix", ">", "1 to 8 characters", v -> !v.isEmpty() && v.length() <= 8),
                PluginOption.oneOf("mode", "lines", "lines", "count"));
    }

    @Override
    public Sink create(PluginConfig config) {
        lastPrefix = config.option("prefix");
        return new Sink() {
            @Override
            public String name() {
                return config.pluginName();
            }

            @Override
            public void write(SinkBatch batch) {
                for (int i = 0; i < batch.size(); i++) {
                    LINES.add(config.option("prefix") + batch.line(i));
                }
            }
        };
    }
}
