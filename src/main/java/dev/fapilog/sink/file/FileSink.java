package dev.fapilog.sink.file;

import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkContext;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Appends each batch to a file in one write, whole lines only (see {@link LineFile}): a batch that fails part-way
 * (disk full) is cut back out of the file and counts as failed, so {@code delivered} equals the lines on disk, and the
 * next batch tries again. A file moved or deleted under the sink (logrotate without {@code copytruncate}) is noticed
 * within a second and a new one opened at the path.
 *
 * <p>A batch counts as delivered when the operating system has taken its bytes; with {@code fsync=flush} they are
 * also forced to disk at every flush and at drain, with {@code fsync=batch} after every batch.
 */
final class FileSink implements Sink {
    private final String name;
    private final Path path;
    private final boolean append;
    private final FileSinkProvider.Fsync fsync;
    private Diagnostics diagnostics;
    private LineFile file;

    FileSink(String name, Path path, boolean append, FileSinkProvider.Fsync fsync) {
        this.name = name;
        this.path = path;
        this.append = append;
        this.fsync = fsync;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(SinkContext context) throws IOException {
        diagnostics = context.diagnostics();
        FileSinkProvider.requireWritableDirectory(path.toAbsolutePath().getParent(), "fapilog.sink." + name + ".path");
        file = LineFile.open(path, !append, null);
    }

    @Override
    public void write(SinkBatch batch) throws IOException {
        if (file == null || file.movedAway()) {
            reopen();
        }
        file.write(batch.array(), batch.offset(), batch.length());
        if (fsync == FileSinkProvider.Fsync.BATCH) {
            file.sync();
        }
    }

    /** A new file at the path: after a move or deletion, or after opening failed before. */
    private void reopen() throws IOException {
        if (file != null) {
            file.closeQuietly();
            file = null;
            LineFile.reportReopened(diagnostics, name, path);
        }
        file = LineFile.open(path, false, null);
    }

    @Override
    public void flush() throws IOException {
        if (fsync != FileSinkProvider.Fsync.NONE && file != null) {
            file.sync();
        }
    }

    @Override
    public void stop() throws IOException {
        if (file != null) {
            flush();
            file.close();
        }
    }
}
