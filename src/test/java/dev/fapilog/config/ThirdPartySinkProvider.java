package dev.fapilog.config;

import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkConfig;
import dev.fapilog.spi.SinkOption;
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
    public List<SinkOption> options() {
        return List.of(
                new SinkOption("prefix", ">", "1 to 8 characters", v -> !v.isEmpty() && v.length() <= 8),
                SinkOption.oneOf("mode", "lines", "lines", "count"));
    }

    @Override
    public Sink create(SinkConfig config) {
        lastPrefix = config.option("prefix");
        return new Sink() {
            @Override
            public String name() {
                return config.sinkName();
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
