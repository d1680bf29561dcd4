package dev.fapilog.sink.stdout;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkFormat;
import dev.fapilog.spi.SinkProvider;
import java.util.List;

/**
 * {@code stdout-pretty}: one readable line per event, with every control, bidi and zero-width character escaped.
 * Option {@code colors}: {@code auto} (colour the level only when standard output is a terminal), {@code always} or
 * {@code never}.
 */
public final class StdoutPrettySinkProvider implements SinkProvider {
    static final PluginOption COLORS = PluginOption.oneOf("colors", "auto", "auto", "always", "never");

    @Override
    public String name() {
        return "stdout-pretty";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(COLORS, StdoutJsonSinkProvider.STREAM);
    }

    @Override
    public Sink create(PluginConfig config) {
        String colors = config.option("colors").trim().toLowerCase(java.util.Locale.ROOT);
        boolean ansi = colors.equals("always") || (colors.equals("auto") && config.stdoutIsTerminal());
        return new StdoutSink(
                config.pluginName(),
                ansi ? SinkFormat.TEXT_ANSI : SinkFormat.TEXT,
                "stderr".equalsIgnoreCase(config.option("stream")));
    }
}
