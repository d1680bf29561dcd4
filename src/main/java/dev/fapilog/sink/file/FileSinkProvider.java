package dev.fapilog.sink.file;

import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkConfig;
import dev.fapilog.spi.SinkOption;
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
    static final SinkOption PATH = new SinkOption("path", null, "a file path", v -> !v.isBlank());
    static final SinkOption APPEND = SinkOption.oneOf("append", "true", "true", "false");
    static final SinkOption FSYNC = SinkOption.oneOf("fsync", "none", "none", "flush");

    @Override
    public String name() {
        return "file";
    }

    @Override
    public List<SinkOption> options() {
        return List.of(PATH, APPEND, FSYNC);
    }

    @Override
    public Sink create(SinkConfig config) {
        String path = config.option("path");
        if (path == null) {
            throw new IllegalArgumentException("fapilog.sink." + config.sinkName() + ".path is required");
        }
        return new FileSink(
                config.sinkName(),
                Path.of(path),
                "true".equalsIgnoreCase(config.option("append")),
                "flush".equalsIgnoreCase(config.option("fsync")));
    }
}
