package dev.fapilog.sink.file;

import dev.fapilog.spi.Diagnostics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * The work a rotating sink does after closing a file, on one helper thread of its own so a large file's compression
 * never holds the sink's writes past their deadline: gzip the rotated file, then apply retention. One task at a time,
 * so compressing and deleting never race.
 *
 * <p>Compression writes {@code name.gz.tmp}, forces it to disk, renames it to {@code name.gz} and only then deletes
 * the source: a crash at any point leaves the lines in the source, the archive, or both. {@link #recover} finishes the
 * job at the next start: partial archives are deleted, a source whose archive exists is deleted, other rotated sources
 * are compressed.
 */
final class Archiver {
    private static final String TMP = ".tmp";

    private final Path dir;
    private final LogFileNames names;
    private final boolean compress;
    private final RetentionPolicy retention;
    private final Set<PosixFilePermission> permissions;
    private final Clock clock;
    private final Diagnostics diagnostics;
    private final String sink;
    private final ThreadPoolExecutor executor;
    private volatile Path active;
    private final java.util.concurrent.atomic.AtomicInteger unfinished =
            new java.util.concurrent.atomic.AtomicInteger();

    Archiver(
            Path dir,
            LogFileNames names,
            boolean compress,
            RetentionPolicy retention,
            Set<PosixFilePermission> permissions,
            Clock clock,
            Diagnostics diagnostics,
            String sink,
            String threadName) {
        this.dir = dir;
        this.names = names;
        this.compress = compress;
        this.retention = retention;
        this.permissions = permissions;
        this.clock = clock;
        this.diagnostics = diagnostics;
        this.sink = sink;
        this.executor = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setContextClassLoader(null); // never pin an application's class loader from a helper thread
            return t;
        });
    }

    /** The file being written: never compressed or deleted. */
    void activeFile(Path file) {
        this.active = file;
    }

    /**
     * At a start, before the sink opens its new file: lists what a crash or a stop left (now, on the calling thread, so
     * the file about to be opened is not among them), and has it finished and retention applied.
     */
    void recover() {
        List<Path> leftovers;
        try {
            leftovers = ours();
        } catch (IOException unreadable) {
            leftovers = List.of();
        }
        List<Path> found = leftovers;
        submit(() -> cleanUp(found));
    }

    /** After a rotation: compresses {@code rotated} (if compression is on), then applies retention. */
    void rotated(Path rotated) {
        submit(() -> {
            if (compress) {
                gzip(rotated);
            }
        });
    }

    /** Work on files that may fail. */
    private interface FileWork {
        void run() throws IOException;
    }

    private void submit(FileWork work) {
        unfinished.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    run(work);
                } finally {
                    unfinished.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            unfinished.decrementAndGet(); // stopping: the next start's recovery does it
        }
    }

    private void run(FileWork work) {
        try {
            work.run();
            applyRetention();
        } catch (IOException | RuntimeException failed) {
            diagnostics.warn(
                    "sink",
                    "archive_failed",
                    "Could not compress or clean up rotated log files",
                    "sink",
                    sink,
                    "error",
                    failed.toString());
        }
    }

    private void cleanUp(List<Path> leftovers) throws IOException {
        for (Path p : leftovers) {
            String name = p.getFileName().toString();
            if (name.endsWith(".gz" + TMP)) {
                Files.deleteIfExists(p);
            }
        }
        for (Path p : leftovers) {
            String name = p.getFileName().toString();
            if (LogFileNames.isCompressed(name) || name.endsWith(TMP) || !Files.exists(p)) {
                continue;
            }
            Path archive = p.resolveSibling(name + ".gz");
            if (Files.exists(archive)) {
                Files.deleteIfExists(p); // the crash came between the rename and the delete
            } else if (compress) {
                gzip(p);
            }
        }
    }

    private void gzip(Path source) throws IOException {
        if (Boolean.getBoolean("dbggz"))
            new Throwable("gzip " + source + " active=" + active).printStackTrace(System.out);
        Path archive = source.resolveSibling(source.getFileName() + ".gz");
        Path tmp = source.resolveSibling(source.getFileName() + ".gz" + TMP);
        boolean done = false;
        try {
            try (InputStream in = Files.newInputStream(source);
                    OutputStream file = Files.newOutputStream(
                            tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
                    GZIPOutputStream gz = new LevelledGzip(file)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IOException("stopped before " + source.getFileName() + " was compressed");
                    }
                    gz.write(buf, 0, n);
                }
                gz.finish();
                file.flush();
            }
            try (var ch = java.nio.channels.FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.setLastModifiedTime(tmp, Files.getLastModifiedTime(source)); // retention orders by it
            setPermissions(tmp);
            if (Files.exists(archive)) { // never replace an archive (rename would, silently)
                throw new IOException("archive " + archive.getFileName() + " exists; " + source.getFileName()
                        + " stays uncompressed");
            }
            try {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(tmp, archive);
            }
            done = true;
            Files.delete(source);
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private void setPermissions(Path p) {
        if (permissions == null) {
            return;
        }
        try {
            Files.setPosixFilePermissions(p, permissions);
        } catch (IOException | UnsupportedOperationException notPosix) {
            // the file system's defaults stay
        }
    }

    private void applyRetention() throws IOException {
        if (retention.isUnlimited()) {
            return;
        }
        List<RetentionPolicy.Candidate> rotated = new ArrayList<>();
        for (Path p : ours()) {
            String name = p.getFileName().toString();
            if (p.equals(active) || name.endsWith(TMP)) {
                continue;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                rotated.add(new RetentionPolicy.Candidate(
                        p, a.size(), a.lastModifiedTime().toInstant()));
            } catch (java.nio.file.NoSuchFileException gone) {
                // deleted meanwhile
            }
        }
        for (Path p : retention.toDelete(rotated, clock.instant())) {
            Files.deleteIfExists(p);
        }
    }

    private List<Path> ours() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                String base = name.endsWith(TMP) ? name.substring(0, name.length() - TMP.length()) : name;
                if (names.isOurs(base) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        return files;
    }

    /**
     * Stops taking work and waits up to {@code wait} for the current task; what is left is done by the next start's
     * {@link #recover}.
     */
    void stop(long waitMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every task submitted so far has run (tests, and a flush that wants archives settled). */
    boolean awaitIdle(long waitMillis) {
        long end = System.nanoTime() + waitMillis * 1_000_000L;
        // Counted here, not read from the executor: a task handed to a thread that has not started yet is neither
        // active nor queued there, so the executor's own counts could say "idle" before it ran.
        while (unfinished.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        return true;
    }

    /** gzip at level 5, as fapilog compresses: most of level 9's ratio at a fraction of its time. */
    private static final class LevelledGzip extends GZIPOutputStream {
        LevelledGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(5);
        }
    }
}
