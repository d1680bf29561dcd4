package dev.fapilog.sink.file;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code file}: appends one canonical JSON envelope per line to one file, without rotation. Options: {@code path}
 * (required), {@code append} ({@code true} by default; {@code false} truncates at start) and {@code fsync}
 * ({@code none} by default: lines reach the operating system after every batch; {@code flush}: also forced to disk on
 * every flush and at drain).
 */
public final class FileSinkProvider implements SinkProvider {
    static final PluginOption PATH = PluginOption.text("path", null, "a file path", v -> !v.isBlank());
    static final PluginOption APPEND = PluginOption.oneOf("append", "true", "true", "false");
    static final PluginOption FSYNC = PluginOption.oneOf("fsync", "none", "none", "flush");

    @Override
    public String name() {
        return "file";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(PATH, APPEND, FSYNC);
    }

    @Override
    public Sink create(PluginConfig config) {
        String path = config.option("path");
        if (path == null) {
            throw new IllegalArgumentException("fapilog.sink." + config.pluginName() + ".path is required");
        }
        return new FileSink(
                config.pluginName(),
                Path.of(path),
                "true".equalsIgnoreCase(config.option("append")),
                "flush".equalsIgnoreCase(config.option("fsync")));
    }
}
