package dev.fapilog.sink.file;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code file}: appends one canonical JSON envelope per line to one file, without rotation (see {@code rotating-file}).
 * Options: {@code path} (required), {@code append} ({@code true} by default; {@code false} truncates at start) and
 * {@code fsync} ({@code none} by default: lines reach the operating system after every batch; {@code flush}: also
 * forced to disk on every flush and at drain; {@code batch}: after every batch).
 */
public final class FileSinkProvider implements SinkProvider {
    static final PluginOption PATH = PluginOption.text("path", null, "a file path", v -> !v.isBlank());
    static final PluginOption APPEND = PluginOption.oneOf("append", "true", "true", "false");
    static final PluginOption FSYNC = PluginOption.oneOf("fsync", "none", "none", "flush", "batch");

    /** When written lines are forced to the device. */
    enum Fsync {
        NONE,
        FLUSH,
        BATCH;

        static Fsync of(String option) {
            return valueOf(option.trim().toUpperCase(Locale.ROOT));
        }
    }

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
                Fsync.of(config.option("fsync")));
    }

    /**
     * Fails a sink's start, naming the key to change, when {@code dir} (or, if it does not exist yet, the nearest
     * directory above it, where it would be created) cannot be written: a read-only file system or missing
     * permissions would otherwise only show up as every write failing.
     */
    static void requireWritableDirectory(Path dir, String key) throws IOException {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && (!Files.isDirectory(existing) || !Files.isWritable(existing))) {
            throw new IOException("directory " + existing + " is not writable (read-only file system or missing"
                    + " permission); set " + key + " to a writable place");
        }
    }
}
