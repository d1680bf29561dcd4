package dev.fapilog.sink.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names of a rotating sink's files, as fapilog names them: {@code {prefix}-{UTC yyyyMMdd-HHmmss}.jsonl} (or
 * {@code .log} in text mode), {@code -N} added when the name is taken (several rotations in one second, a clock that
 * stepped back), {@code .gz} added once compressed. A file is created only if its name and its archive's name are
 * free, so no file is ever overwritten.
 */
final class LogFileNames {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final String prefix;
    private final String extension;
    private final Pattern ours;

    LogFileNames(String prefix, boolean text) {
        this.prefix = prefix;
        this.extension = text ? ".log" : ".jsonl";
        this.ours = Pattern.compile(Pattern.quote(prefix) + "-\\d{8}-\\d{6}(-\\d+)?\\.(jsonl|log)(\\.gz)?");
    }

    /** Creates the next file for {@code now} in {@code dir}: the first free name of {@code base}, {@code base-1}, ... */
    LineFile create(Path dir, Instant now, Set<PosixFilePermission> permissions) throws IOException {
        String base = prefix + "-" + STAMP.format(now);
        for (int n = 0; ; n++) {
            Path candidate = dir.resolve(n == 0 ? base + extension : base + "-" + n + extension);
            LineFile f = LineFile.create(candidate, permissions);
            if (f != null && !Files.exists(candidate.resolveSibling(candidate.getFileName() + ".gz"))) {
                return f;
            }
            if (f != null) {
                // The name's archive exists: the file of that name was compressed and deleted just now (the archiver
                // renames to .gz before it deletes the source, so checking after creating cannot miss it). Writing
                // here would later replace that archive, or be taken for its leftover source.
                f.close();
                Files.deleteIfExists(candidate);
            }
            if (n > 100_000) {
                throw new IOException("no free file name for " + base + extension + " in " + dir);
            }
        }
    }

    /** Whether a file name is one of this sink's log files, active, rotated or compressed. */
    boolean isOurs(String fileName) {
        return ours.matcher(fileName).matches();
    }

    /** Whether a file name is one of this sink's compressed files. */
    static boolean isCompressed(String fileName) {
        return fileName.endsWith(".gz");
    }
}
