package dev.fapilog.sink.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.TestBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rotating-file} sink on a real file system with an injected clock (catalogue 5.1). */
class RotatingFileSinkTest {
    @TempDir
    Path dir;

    /** A wall clock the test moves. */
    static final class TestClock extends Clock {
        Instant now;

        TestClock(String start) {
            now = Instant.parse(start);
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock("2026-12-05T10:59:58Z");

    private RotatingFileSink sink(
            long maxBytes, Duration interval, boolean gzip, RetentionPolicy retention, boolean text)
            throws IOException {
        RotatingFileSink s = new RotatingFileSink(
                new RotatingFileSink.Settings(
                        "rf",
                        dir,
                        "app",
                        text,
                        new RotationPolicy(maxBytes, interval),
                        gzip,
                        retention,
                        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                        FileSinkProvider.Fsync.NONE),
                clock);
        s.start(TestRuntimes.sinkContext("rf"));
        return s;
    }

    private static final RetentionPolicy KEEP_ALL = new RetentionPolicy(0, 0, Duration.ZERO);

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static String line(int i) {
        return "{\"i\":" + i + ",\"pad\":\"" + "x".repeat(80) + "\"}";
    }

    @Test
    void sizeRotationHappensBeforeTheBatchThatWouldExceedMaxBytes() throws Exception {
        RotatingFileSink s = sink(250, Duration.ZERO, false, KEEP_ALL, false);
        for (int i = 0; i < 6; i++) {
            s.write(TestBatch.of(line(i))); // 100 bytes each: two per file
            clock.advance(Duration.ofMillis(400));
        }
        s.stop();
        List<String> names = names();
        assertThat(names).hasSize(3).allMatch(n -> n.matches("app-20261205-1059\\d\\d(-\\d+)?\\.jsonl"));
        for (String n : names) {
            List<String> lines = Files.readAllLines(dir.resolve(n));
            assertThat(lines).hasSize(2);
            assertThat(Files.size(dir.resolve(n))).isLessThanOrEqualTo(250);
        }
        assertThat(names.stream().map(this::read).collect(Collectors.joining()))
                .contains("\"i\":0")
                .contains("\"i\":5");
    }

    @Test
    void namesTakenWithinOneSecondGetASuffixAndNoFileIsOverwritten() throws Exception {
        RotatingFileSink s = sink(150, Duration.ZERO, false, KEEP_ALL, false);
        for (int i = 0; i < 3; i++) {
            s.write(TestBatch.of(line(i)));
        }
        clock.now = Instant.parse("2026-12-05T10:00:00Z"); // the clock stepped back an hour
        s.write(TestBatch.of(line(3)));
        s.stop();
        assertThat(names())
                .containsExactly(
                        "app-20261205-100000.jsonl",
                        "app-20261205-105958-1.jsonl",
                        "app-20261205-105958-2.jsonl",
                        "app-20261205-105958.jsonl");
        assertThat(names().stream()
                        .map(this::read)
                        .collect(Collectors.joining())
                        .split("\n"))
                .hasSize(4);
    }

    @Test
    void timeRotationHappensAtEpochAlignedBoundariesAcrossHourAndDay() throws Exception {
        clock.now = Instant.parse("2026-12-05T23:59:59.500Z");
        RotatingFileSink hourly = sink(0, Duration.ofHours(1), false, KEEP_ALL, false);
        hourly.write(TestBatch.of(line(1)));
        clock.advance(Duration.ofMillis(499));
        hourly.write(TestBatch.of(line(2))); // 23:59:59.999: same file
        clock.advance(Duration.ofMillis(1));
        hourly.write(TestBatch.of(line(3))); // 00:00:00.000 the next day: new file
        clock.advance(Duration.ofMinutes(59));
        hourly.write(TestBatch.of(line(4)));
        clock.advance(Duration.ofMinutes(1));
        hourly.write(TestBatch.of(line(5))); // 01:00
        hourly.stop();
        assertThat(names())
                .containsExactly("app-20261205-235959.jsonl", "app-20261206-000000.jsonl", "app-20261206-010000.jsonl");
        assertThat(read("app-20261205-235959.jsonl").split("\n")).hasSize(2);
        assertThat(read("app-20261206-000000.jsonl").split("\n")).hasSize(2);
    }

    @Test
    void dailyRotationFallsOnUtcMidnight() {
        RotationPolicy daily = new RotationPolicy(0, Duration.ofDays(1));
        assertThat(daily.nextBoundary(Instant.parse("2026-12-05T13:14:15Z")))
                .isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(new RotationPolicy(0, Duration.ofDays(7)).nextBoundary(Instant.parse("2026-12-05T13:00:00Z")))
                .as("epoch-aligned weeks start on Thursdays")
                .isEqualTo(Instant.parse("2026-12-10T00:00:00Z"));
    }

    @Test
    void rotatedFilesAreGzippedAndReadBackWhole() throws Exception {
        RotatingFileSink s = sink(250, Duration.ZERO, true, KEEP_ALL, false);
        for (int i = 0; i < 6; i++) {
            s.write(TestBatch.of(line(i)));
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(s.awaitArchived(10_000)).isTrue();
        List<String> names = names();
        assertThat(names).filteredOn(n -> n.endsWith(".jsonl.gz")).hasSize(2);
        assertThat(names)
                .filteredOn(n -> n.endsWith(".jsonl"))
                .as("only the active file")
                .hasSize(1);
        assertThat(names).noneMatch(n -> n.endsWith(".tmp"));
        StringBuilder all = new StringBuilder();
        for (String n : names) {
            all.append(read(n));
            if (n.endsWith(".gz")) {
                assertThat(Files.getPosixFilePermissions(dir.resolve(n)))
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
        }
        for (int i = 0; i < 6; i++) {
            assertThat(all.toString()).contains(line(i) + "\n");
        }
        s.stop();
    }

    @Test
    void retentionKeepsTheNewestFilesByCountAndByTotalBytes() throws Exception {
        RotatingFileSink byCount = sink(150, Duration.ZERO, false, new RetentionPolicy(2, 0, Duration.ZERO), false);
        for (int i = 0; i < 6; i++) {
            byCount.write(TestBatch.of(line(i)));
            clock.advance(Duration.ofSeconds(1));
            byCount.awaitArchived(10_000);
            touchRotated(i);
        }
        assertThat(byCount.awaitArchived(10_000)).isTrue();
        assertThat(names()).hasSize(3); // two rotated plus the active one
        assertThat(String.join("", names().stream().map(this::read).collect(Collectors.toList())))
                .contains("\"i\":5")
                .contains("\"i\":4")
                .contains("\"i\":3")
                .doesNotContain("\"i\":2");
        byCount.stop();
    }

    @Test
    void retentionByTotalBytesAndByAge() throws Exception {
        RotatingFileSink s = sink(150, Duration.ZERO, false, new RetentionPolicy(0, 250, Duration.ZERO), false);
        for (int i = 0; i < 5; i++) {
            s.write(TestBatch.of(line(i)));
            clock.advance(Duration.ofSeconds(1));
            s.awaitArchived(10_000);
            touchRotated(i);
        }
        assertThat(s.awaitArchived(10_000)).isTrue();
        assertThat(names()).hasSize(3); // 2 rotated files of 100 bytes fit in 250, plus the active one
        RetentionPolicy byAge = new RetentionPolicy(0, 0, Duration.ofHours(1));
        List<RetentionPolicy.Candidate> files = List.of(
                new RetentionPolicy.Candidate(dir.resolve("old"), 1, clock.now.minus(Duration.ofHours(2))),
                new RetentionPolicy.Candidate(dir.resolve("new"), 1, clock.now.minus(Duration.ofMinutes(5))));
        assertThat(byAge.toDelete(files, clock.now)).containsExactly(dir.resolve("old"));
        s.stop();
    }

    @Test
    void textModeWritesLogFiles() throws Exception {
        RotatingFileSink s = sink(0, Duration.ZERO, false, KEEP_ALL, true);
        assertThat(s.format()).isEqualTo(dev.fapilog.spi.SinkFormat.TEXT);
        s.write(TestBatch.of("2026-12-05T10:59:58Z INFO hello"));
        s.stop();
        assertThat(names()).containsExactly("app-20261205-105958.log");
    }

    @Test
    void aCrashDuringCompressionIsFinishedAtTheNextStart() throws Exception {
        Path rotated = dir.resolve("app-20261205-090000.jsonl");
        Files.writeString(rotated, line(1) + "\n");
        Files.writeString(dir.resolve("app-20261205-090000.jsonl.gz.tmp"), "partial");
        Path both = dir.resolve("app-20261205-080000.jsonl");
        Files.writeString(both, line(0) + "\n");
        gzip(both, dir.resolve("app-20261205-080000.jsonl.gz"));
        RotatingFileSink s = sink(0, Duration.ZERO, true, KEEP_ALL, false);
        assertThat(s.awaitArchived(10_000)).isTrue();
        assertThat(names())
                .containsExactly(
                        "app-20261205-080000.jsonl.gz", "app-20261205-090000.jsonl.gz", "app-20261205-105958.jsonl");
        assertThat(read("app-20261205-090000.jsonl.gz")).isEqualTo(line(1) + "\n");
        s.stop();
        assertThat(names()).doesNotContain("app-20261205-105958.jsonl").as("an empty last file is removed");
    }

    /** Gives the file rotated after write {@code i} a distinct, increasing modification time. */
    private void touchRotated(int i) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.collect(Collectors.toList())) {
                try {
                    if (Files.getLastModifiedTime(p)
                            .toInstant()
                            .isAfter(Instant.now().minusSeconds(60))) {
                        Files.setLastModifiedTime(
                                p,
                                FileTime.from(
                                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
                    }
                } catch (java.nio.file.NoSuchFileException deletedByRetention) {
                    // the archiver's retention got there first: nothing to touch
                }
            }
        }
    }

    private static void gzip(Path source, Path target) throws IOException {
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(target))) {
            out.write(Files.readAllBytes(source));
        }
    }

    private String read(String name) {
        try (InputStream in = name.endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(dir.resolve(name)))
                : Files.newInputStream(dir.resolve(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> allLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().collect(Collectors.toList())) {
                String n = p.getFileName().toString();
                if (n.endsWith(".tmp")) {
                    continue;
                }
                try (InputStream in =
                        n.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (!text.isEmpty()) {
                        assertThat(text).as(n + " ends with a whole line").endsWith("\n");
                        lines.addAll(List.of(text.split("\n")));
                    }
                }
            }
        }
        return lines;
    }
}
