package dev.fapilog.sink.file;

import dev.fapilog.config.ConfigValues;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code rotating-file} (catalogue 5.1): one JSON envelope (or text line) per line in
 * {@code {directory}/{prefix}-{UTC yyyyMMdd-HHmmss}.jsonl}, a new file by size ({@code max-bytes}) and time
 * ({@code interval}), rotated files gzipped ({@code compress}) and deleted by {@code max-files},
 * {@code max-total-bytes} and {@code max-age}. Files are created with {@code permissions} and forced to disk per
 * {@code fsync}.
 */
public final class RotatingFileSinkProvider implements SinkProvider {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PERMISSIONS = Pattern.compile("[r-][w-][x-][r-][w-][x-][r-][w-][x-]");

    static final PluginOption DIRECTORY = PluginOption.text("directory", "logs", "a directory path", v -> !v.isBlank());
    static final PluginOption PREFIX_OPTION =
            PluginOption.text("prefix", "fapilog", "1 to 64 letters, digits, '.', '_' or '-'", v -> PREFIX.matcher(v)
                    .matches());
    static final PluginOption MAX_BYTES = PluginOption.size("max-bytes", "50MB", 0, Long.MAX_VALUE);
    static final PluginOption INTERVAL = PluginOption.text(
            "interval",
            "none",
            "none, hourly, daily, weekly, or a duration of at least 1s such as 15m",
            v -> interval(v) != null);
    static final PluginOption COMPRESS = PluginOption.oneOf("compress", "none", "none", "gzip");
    static final PluginOption MAX_FILES = PluginOption.integer("max-files", "10", 0, 1_000_000);
    static final PluginOption MAX_TOTAL_BYTES = PluginOption.size("max-total-bytes", "0", 0, Long.MAX_VALUE);
    static final PluginOption MAX_AGE =
            PluginOption.text("max-age", "none", "none, or a duration such as 7d or 168h", v -> age(v) != null);
    static final PluginOption MODE = PluginOption.oneOf("mode", "json", "json", "text");
    static final PluginOption PERMISSIONS_OPTION = PluginOption.text(
            "permissions",
            "rw-r-----",
            "default (the process's umask), or POSIX permissions such as rw-r-----",
            v -> v.equals("default") || PERMISSIONS.matcher(v).matches());
    static final PluginOption FSYNC = PluginOption.oneOf("fsync", "none", "none", "flush", "batch");

    @Override
    public String name() {
        return "rotating-file";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                DIRECTORY,
                PREFIX_OPTION,
                MAX_BYTES,
                INTERVAL,
                COMPRESS,
                MAX_FILES,
                MAX_TOTAL_BYTES,
                MAX_AGE,
                MODE,
                PERMISSIONS_OPTION,
                FSYNC);
    }

    @Override
    public Sink create(PluginConfig config) {
        return new RotatingFileSink(settings(config), Clock.systemUTC());
    }

    static RotatingFileSink.Settings settings(PluginConfig config) {
        return new RotatingFileSink.Settings(
                config.pluginName(),
                Path.of(config.option("directory")),
                config.option("prefix"),
                "text".equalsIgnoreCase(config.option("mode")),
                new RotationPolicy(config.size("max-bytes"), interval(config.option("interval"))),
                "gzip".equalsIgnoreCase(config.option("compress")),
                new RetentionPolicy(
                        config.integer("max-files"), config.size("max-total-bytes"), age(config.option("max-age"))),
                permissions(config.option("permissions")),
                FileSinkProvider.Fsync.of(config.option("fsync")));
    }

    /** {@code none}, a named interval or a duration of at least a second; {@code null} if it is none of these. */
    static Duration interval(String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "none":
                return Duration.ZERO;
            case "hourly":
                return Duration.ofHours(1);
            case "daily":
                return Duration.ofDays(1);
            case "weekly":
                return Duration.ofDays(7);
            default:
                Duration d = age(v);
                return d != null && d.compareTo(Duration.ofSeconds(1)) >= 0 ? d : null;
        }
    }

    /** {@code default} (the process's umask: {@code null}) or POSIX permissions such as {@code rw-r-----}. */
    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(String text) {
        return text.equals("default") ? null : java.nio.file.attribute.PosixFilePermissions.fromString(text);
    }

    private static Duration age(String v) {
        if (v.trim().equalsIgnoreCase("none")) {
            return Duration.ZERO;
        }
        try {
            Duration d = ConfigValues.duration(v);
            return d.isNegative() || d.isZero() ? null : d;
        } catch (RuntimeException notADuration) {
            return null;
        }
    }
}
