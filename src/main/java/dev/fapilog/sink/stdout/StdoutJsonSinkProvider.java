package dev.fapilog.sink.stdout;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkFormat;
import dev.fapilog.spi.SinkProvider;
import java.util.List;

/** {@code stdout-json}: one canonical JSON envelope per line on standard output. */
public final class StdoutJsonSinkProvider implements SinkProvider {
    /** Option {@code stream}: {@code stdout} (default) or {@code stderr}. */
    static final PluginOption STREAM = PluginOption.oneOf("stream", "stdout", "stdout", "stderr");

    @Override
    public String name() {
        return "stdout-json";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(STREAM);
    }

    @Override
    public Sink create(PluginConfig config) {
        return new StdoutSink(config.pluginName(), SinkFormat.JSON, "stderr".equalsIgnoreCase(config.option("stream")));
    }
}
