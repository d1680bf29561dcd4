package dev.fapilog.sink.file;

import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkContext;
import dev.fapilog.spi.SinkFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * {@code rotating-file}: writes to {@code {prefix}-{UTC yyyyMMdd-HHmmss}.jsonl} in a directory, starts a new file by
 * size and time ({@link RotationPolicy}), and hands closed files to its {@link Archiver} (gzip, retention). Whole
 * lines only and reopening as in the {@code file} sink: every file holds whole batches, so {@code delivered} equals
 * the lines in the files. Only this sink's thread writes and rotates, so rotation has no locking to get wrong.
 */
final class RotatingFileSink implements Sink {
    /** Everything the sink is configured with. */
    record Settings(
            String name,
            Path directory,
            String prefix,
            boolean text,
            RotationPolicy rotation,
            boolean compress,
            RetentionPolicy retention,
            Set<PosixFilePermission> permissions,
            FileSinkProvider.Fsync fsync) {}

    private final Settings settings;
    private final Clock clock;
    private final LogFileNames names;
    private Diagnostics diagnostics;
    private Archiver archiver;
    private LineFile file;
    private Instant nextBoundary = Instant.MAX;

    RotatingFileSink(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.names = new LogFileNames(settings.prefix(), settings.text());
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public SinkFormat format() {
        return settings.text() ? SinkFormat.TEXT : SinkFormat.JSON;
    }

    @Override
    public void start(SinkContext context) throws IOException {
        diagnostics = context.diagnostics();
        Path dir = settings.directory();
        FileSinkProvider.requireWritableDirectory(dir.toAbsolutePath(), "fapilog.sink." + name() + ".directory");
        Files.createDirectories(dir);
        archiver = new Archiver(
                dir,
                names,
                settings.compress(),
                settings.retention(),
                settings.permissions(),
                clock,
                diagnostics,
                name(),
                "fapilog-" + context.runtimeName() + "-archiver-" + name());
        archiver.recover(); // lists the files before the new one exists
        openNew();
    }

    @Override
    public void write(SinkBatch batch) throws IOException {
        Instant now = clock.instant();
        if (file == null) {
            openNew();
        } else if (!now.isBefore(nextBoundary) && file.size() > 0) {
            rotate();
        } else if (settings.rotation().full(file.size(), batch.length())) {
            rotate();
        } else {
            if (!now.isBefore(nextBoundary)) {
                nextBoundary = settings.rotation().nextBoundary(now); // an empty file is not worth a new one
            }
            if (file.movedAway()) {
                LineFile.reportReopened(diagnostics, name(), file.path());
                closeQuietly();
                openNew();
            }
        }
        file.write(batch.array(), batch.offset(), batch.length());
        if (settings.fsync() == FileSinkProvider.Fsync.BATCH) {
            file.sync();
        }
    }

    private void rotate() throws IOException {
        Path closed = file.path();
        if (settings.fsync() != FileSinkProvider.Fsync.NONE) {
            file.sync();
        }
        closeQuietly();
        openNew();
        archiver.rotated(closed);
    }

    private void openNew() throws IOException {
        Instant now = clock.instant();
        file = names.create(settings.directory(), now, settings.permissions());
        archiver.activeFile(file.path());
        nextBoundary = settings.rotation().nextBoundary(now);
    }

    private void closeQuietly() {
        file.closeQuietly();
        file = null;
    }

    @Override
    public void flush() throws IOException {
        if (settings.fsync() != FileSinkProvider.Fsync.NONE && file != null) {
            file.sync();
        }
    }

    @Override
    public void stop() throws IOException {
        try {
            if (file != null) {
                flush();
                Path last = file.path();
                boolean empty = file.size() == 0;
                closeQuietly();
                if (empty) {
                    Files.deleteIfExists(last); // a file with no line helps nobody
                }
            }
        } finally {
            archiver.stop(2_000);
        }
    }

    /** For tests: waits for compression and retention submitted so far. */
    boolean awaitArchived(long millis) {
        return archiver.awaitIdle(millis);
    }
}
