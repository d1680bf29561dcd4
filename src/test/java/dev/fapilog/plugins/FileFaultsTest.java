package dev.fapilog.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigurationException;
import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.SinkStats;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.support.Tmpfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code file} sink on real file systems: disk full, read-only, moved and deleted files (reliability §3). */
class FileFaultsTest {
    @TempDir
    Path dir;

    private static LogRuntime fileRuntime(Path file, String... settings) {
        dev.fapilog.LoggerBuilder b =
                TestRuntimes.builder().name("file-faults").sinks("file").sinkOption("file", "path", file.toString());
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        return b.buildRuntime();
    }

    @Test
    void aFullDiskLeavesOnlyWholeLinesCountsExactlyAndResumesWhenSpaceReturns() throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("small"), "512k", false)) {
            Path filler = fs.path().resolve("filler");
            Files.write(filler, new byte[300 * 1024]);
            Path file = fs.path().resolve("app.jsonl");
            LogRuntime rt = fileRuntime(file, "batch.max-size", "7", "sink.file.circuit.failure-threshold", "0");
            Logger log = rt.logger("disk");
            String payload = "x".repeat(900);
            for (int i = 0; i < 400; i++) {
                log.info("filling", "i", i, "payload", payload);
                if (i % 7 == 6) {
                    rt.flush(Duration.ofSeconds(5));
                }
            }
            rt.flush(Duration.ofSeconds(5));
            SinkStats full = rt.stats().sinks().get("file");
            assertThat(full.failed()).as("batches that did not fit").isPositive();
            assertThat(full.failedByReason()).containsOnlyKeys("exception");
            assertThat(Files.readAllBytes(file)).endsWith((byte) '\n');
            assertThat(JsonLines.checkAll(Files.readAllBytes(file))).hasSize((int) full.delivered());

            Files.delete(filler); // space returns: writing resumes by itself
            for (int i = 0; i < 50; i++) {
                log.info("after", "i", i);
            }
            DrainResult r = rt.drain(Duration.ofSeconds(5));
            byte[] bytes = Files.readAllBytes(file);
            List<com.fasterxml.jackson.databind.JsonNode> lines = JsonLines.checkAll(bytes);
            SinkStats s = r.sinks().get("file");
            assertThat(lines).hasSize((int) s.delivered());
            assertThat(lines.subList(lines.size() - 50, lines.size()))
                    .allMatch(n -> n.path("log").path("message").asText().equals("after"));
            assertThat(s.delivered() + s.failed()).isEqualTo(450);
            assertThat(r.stats().balanced()).isTrue();
        }
    }

    @Test
    void aReadOnlyDirectoryIsACodedStartUpProblemNamingTheKey() throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("ro"), "64k", true)) {
            assertThatThrownBy(() -> fileRuntime(fs.path().resolve("logs/app.jsonl")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("FAPILOG-C008")
                    .hasMessageContaining("not writable")
                    .hasMessageContaining("fapilog.sink.file.path");
        }
    }

    @Test
    void aFileDeletedOrMovedWhileWritingIsReopened() throws Exception {
        Path file = dir.resolve("app.jsonl");
        List<String> diagnostics = TestRuntimes.diagnostics();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .sinks("file")
                .sinkOption("file", "path", file.toString())
                .buildRuntime();
        Logger log = rt.logger("moved");
        log.info("one");
        rt.flush(Duration.ofSeconds(5));
        Path rotated = dir.resolve("app.jsonl.1");
        Files.move(file, rotated); // logrotate without copytruncate
        LockSupport.parkNanos(1_100_000_000L);
        log.info("two");
        rt.flush(Duration.ofSeconds(5));
        Files.delete(file);
        LockSupport.parkNanos(1_100_000_000L);
        log.info("three");
        DrainResult r = rt.drain(Duration.ofSeconds(5));

        assertThat(Files.readString(rotated)).contains("\"one\"").doesNotContain("\"two\"");
        assertThat(JsonLines.checkAll(Files.readAllBytes(file))).singleElement().satisfies(n -> assertThat(
                        n.path("log").path("message").asText())
                .isEqualTo("three"));
        assertThat(r.delivered()).isEqualTo(3);
        assertThat(diagnostics).filteredOn(l -> l.contains("file_reopened")).hasSize(2);
    }
}
