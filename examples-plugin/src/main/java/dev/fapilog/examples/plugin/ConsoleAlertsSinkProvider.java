package dev.fapilog.examples.plugin;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.util.List;

/**
 * {@code console-alerts}: the lines of events at {@code fapilog.sink.console-alerts.min-level} (default
 * {@code ERROR}) or above, on {@code fapilog.sink.console-alerts.stream} ({@code stderr} by default, or
 * {@code stdout}). Listed in {@code META-INF/services/dev.fapilog.spi.SinkProvider}.
 */
public final class ConsoleAlertsSinkProvider implements SinkProvider {

    @Override
    public String name() {
        return "console-alerts";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.level("min-level", "ERROR"), PluginOption.oneOf("stream", "stderr", "stderr", "stdout"));
    }

    @Override
    public Sink create(PluginConfig config) {
        return new ConsoleAlertsSink(
                config.pluginName(),
                config.level("min-level"),
                config.option("stream").trim().equalsIgnoreCase("stdout"));
    }
}
