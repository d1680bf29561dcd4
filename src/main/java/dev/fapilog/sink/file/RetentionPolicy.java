package dev.fapilog.sink.file;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which rotated files to delete (the active file is never a candidate): the oldest first, by modification time,
 * while there are more than {@code maxFiles}, they take more than {@code maxTotalBytes}, or they are older than
 * {@code maxAge}. Zero means no limit of that kind.
 */
record RetentionPolicy(int maxFiles, long maxTotalBytes, Duration maxAge) {

    /** A rotated file as retention sees it. */
    record Candidate(Path path, long size, Instant modified) {}

    boolean isUnlimited() {
        return maxFiles == 0 && maxTotalBytes == 0 && maxAge.isZero();
    }

    List<Path> toDelete(List<Candidate> rotated, Instant now) {
        List<Candidate> newestFirst = new ArrayList<>(rotated);
        newestFirst.sort(Comparator.comparing(Candidate::modified)
                .thenComparing(c -> c.path().getFileName().toString())
                .reversed());
        List<Path> delete = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < newestFirst.size(); i++) {
            Candidate c = newestFirst.get(i);
            total += c.size();
            boolean tooMany = maxFiles > 0 && i >= maxFiles;
            boolean tooBig = maxTotalBytes > 0 && total > maxTotalBytes;
            boolean tooOld = !maxAge.isZero() && c.modified().isBefore(now.minus(maxAge));
            if (tooMany || tooBig || tooOld) {
                delete.add(c.path());
            }
        }
        return delete;
    }
}
