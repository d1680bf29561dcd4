package dev.fapilog.sink.file;

import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkContext;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends each batch to a file in one {@code write} call. Uses a {@link FileOutputStream} rather than a
 * {@code FileChannel}: an interrupt aimed at the sink's thread (a container may send one at undeploy) would close an
 * interruptible channel for good, and every later batch would fail.
 *
 * <p>A batch counts as delivered when the operating system has taken its bytes; with {@code fsync=flush} they are
 * also forced to disk at every flush and at drain.
 */
final class FileSink implements Sink {
    private final String name;
    private final Path path;
    private final boolean append;
    private final boolean fsyncOnFlush;
    private FileOutputStream out;

    public FileSink(String name, Path path, boolean append, boolean fsyncOnFlush) {
        this.name = name;
        this.path = path;
        this.append = append;
        this.fsyncOnFlush = fsyncOnFlush;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(SinkContext context) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = new FileOutputStream(path.toFile(), append);
    }

    @Override
    public void write(SinkBatch batch) throws IOException {
        out.write(batch.array(), batch.offset(), batch.length());
    }

    @Override
    public void flush() throws IOException {
        if (fsyncOnFlush) {
            out.getFD().sync();
        }
    }

    @Override
    public void stop() throws IOException {
        flush();
        out.close();
    }
}
