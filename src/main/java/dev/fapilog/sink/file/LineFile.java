package dev.fapilog.sink.file;

import dev.fapilog.spi.Diagnostics;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * One open log file that only ever holds whole lines. A write either lands completely or, when it fails part-way
 * (disk full, quota, I/O error), the file is cut back to where it was before the write, so no fragment stays and the
 * next line never glues onto half of one; if the file shrank meanwhile (copied and truncated by logrotate), it is cut
 * back to its last complete line instead. It knows its file by identity (inode), so a writer can notice that the file
 * was moved or deleted under it and open a new one.
 *
 * <p>Writes go through a {@link FileOutputStream} rather than a {@code FileChannel}: an interrupt aimed at the sink's
 * thread (a container may send one at undeploy) would close an interruptible channel for good. One thread only.
 */
final class LineFile implements AutoCloseable {
    /** How often a writer looks whether its file is still at its path: a stat per batch would tax every write. */
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    private final Path path;
    private final FileOutputStream out;
    private final Object fileKey;
    private long committed;
    private long lastCheck = System.nanoTime();

    private LineFile(Path path, FileOutputStream out) throws IOException {
        this.path = path;
        this.out = out;
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        this.fileKey = a.fileKey();
        this.committed = a.size();
    }

    /**
     * Opens {@code path} for appending, creating it (and its directory) if needed.
     *
     * @param truncate start the file empty
     * @param permissions POSIX permissions for a file it creates ({@code null}: the process's defaults)
     */
    static LineFile open(Path path, boolean truncate, Set<PosixFilePermission> permissions) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (permissions != null && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(permissions));
            } catch (FileAlreadyExistsException raced) {
                // another writer created it first: use it as it is
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions: the OS defaults apply
            }
        }
        return new LineFile(path, new FileOutputStream(path.toFile(), !truncate));
    }

    /** Creates {@code path}, which must not exist yet ({@code false} if it does). */
    static LineFile create(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (permissions != null && supportsPosix(path)) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(permissions));
            } else {
                Files.createFile(path);
            }
        } catch (FileAlreadyExistsException taken) {
            return null;
        }
        return new LineFile(path, new FileOutputStream(path.toFile(), true));
    }

    private static boolean supportsPosix(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    Path path() {
        return path;
    }

    /** Bytes in the file as far as this writer knows: everything up to the end of its last whole line. */
    long size() {
        return committed;
    }

    /** Writes whole lines; on failure the file is cut back (see the class comment) and the failure rethrown. */
    void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
            committed += length;
        } catch (IOException failure) {
            try {
                cutBack();
            } catch (IOException | RuntimeException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
    }

    /** Forces written lines to the device. */
    void sync() throws IOException {
        out.getFD().sync();
    }

    /** Whether {@code path} still names this file (not moved, deleted or replaced). */
    private boolean stillAtPath() {
        try {
            Object now = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
            return fileKey == null || Objects.equals(fileKey, now);
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException unknown) {
            return true; // cannot tell: keep writing rather than open files in a loop
        }
    }

    /** Whether the file was moved or deleted since it was opened, looked at most once a second. */
    boolean movedAway() {
        long now = System.nanoTime();
        if (now - lastCheck < CHECK_EVERY_NANOS) {
            return false;
        }
        lastCheck = now;
        return !stillAtPath();
    }

    /** Closes the file; a failure is ignored, since what was written is in the file already. */
    void closeQuietly() {
        try {
            out.close();
        } catch (IOException ignored) {
            // lines before the move stay in the moved file; the handle is not ours any more
        }
    }

    /** The diagnostic both file sinks write when they open a new file in place of a moved one. */
    static void reportReopened(Diagnostics diagnostics, String sink, Path path) {
        diagnostics.info(
                "sink",
                "file_reopened",
                "The log file was moved or deleted; a new one was opened",
                "sink",
                sink,
                "path",
                path.toString());
    }

    /** Removes whatever a failed write left after the last whole line. */
    private void cutBack() throws IOException {
        if (!stillAtPath()) {
            return; // the path is another file now: not ours to cut
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long size = ch.size();
            long target = committed <= size ? committed : lastLineEnd(ch, size);
            if (target < size) {
                ch.truncate(target);
            }
            committed = target;
        }
    }

    /** The offset just after the last {@code '\n'} in the first {@code size} bytes, or 0. */
    private static long lastLineEnd(FileChannel ch, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - buf.capacity());
            buf.clear().limit((int) (end - start));
            while (buf.hasRemaining() && ch.read(buf, start + buf.position()) > 0) {
                // read until the slice is full (a read may return fewer bytes)
            }
            for (int i = buf.position() - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
