package dev.fapilog.sink.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.Fapilog;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.support.ChildJvm;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rotating-file} in a running pipeline: named sinks of one type, and a process killed while rotating. */
class RotatingFileRuntimeTest {
    @TempDir
    Path dir;

    @Test
    void twoRotatingFilesOfOneTypeRunSideBySideByName() throws Exception {
        Path main = dir.resolve("main");
        Path errors = dir.resolve("errors");
        LogRuntime rt = TestRuntimes.builder()
                .sinks("rotating-file", "errors")
                .setting("sink.rotating-file.directory", main.toString())
                .setting("sink.errors.type", "rotating-file")
                .setting("sink.errors.directory", errors.toString())
                .setting("sink.errors.prefix", "errors")
                .setting("sink.errors.max-bytes", "2KB")
                .buildRuntime();
        Logger log = rt.logger("two");
        for (int i = 0; i < 100; i++) {
            log.error("failed", "i", i);
            if (i % 10 == 9) {
                rt.flush(Duration.ofSeconds(5));
            }
        }
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.sinks().get("rotating-file").delivered()).isEqualTo(100);
        assertThat(r.sinks().get("errors").delivered()).isEqualTo(100);
        assertThat(RotatingFileSinkTest.allLines(main)).hasSize(100);
        List<String> errorLines = RotatingFileSinkTest.allLines(errors);
        assertThat(errorLines).hasSize(100);
        JsonLines.checkLines(errorLines);
        try (var files = Files.list(errors)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSizeGreaterThan(3)
                    .allMatch(n -> n.startsWith("errors-"));
        }
    }

    /** Logs numbered events forever, printing the last number each flush confirmed. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            LogRuntime rt = Fapilog.builder()
                    .sinks("rotating-file")
                    .shutdownHook(false)
                    .setting("diagnostics.enabled", "false")
                    .setting("batch.max-size", "16")
                    .setting("sink.rotating-file.directory", args[0])
                    .setting("sink.rotating-file.max-bytes", "4KB")
                    .setting("sink.rotating-file.compress", "gzip")
                    .setting("sink.rotating-file.max-files", "0")
                    .buildRuntime();
            Logger log = rt.logger("kill");
            for (int i = 0; ; i++) {
                log.info("event", "i", i, "pad", "y".repeat(100));
                if (i % 50 == 49 && rt.flush(Duration.ofSeconds(5))) {
                    System.out.println("flushed " + i);
                    System.out.flush();
                }
            }
        }
    }

    @Test
    void killMinusNineWhileRotatingLosesNothingFlushedAndSplitsNoLine() throws Exception {
        Path logs = dir.resolve("logs");
        Process child = ChildJvm.start(Writer.class, List.of("-Xmx128m"), Map.of(), null, logs.toString());
        int lastFlushed = -1;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lastFlushed = Integer.parseInt(line.substring("flushed ".length()));
                if (lastFlushed >= 3_000) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no drain, mid-rotation somewhere
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(lastFlushed).isGreaterThanOrEqualTo(3_000);

        // The next start finishes half-done compressions; then every flushed event is there once, whole.
        LogRuntime next = TestRuntimes.builder()
                .sinks("rotating-file")
                .setting("sink.rotating-file.directory", logs.toString())
                .setting("sink.rotating-file.compress", "gzip")
                .setting("sink.rotating-file.max-files", "0")
                .buildRuntime();
        next.drain(Duration.ofSeconds(10));
        Thread.sleep(200); // the archiver of the stopped sink finishes its last file (stop waits up to 2 s)
        List<String> lines = RotatingFileSinkTest.allLines(logs);
        Set<Long> seen = new HashSet<>();
        for (var node : JsonLines.checkLines(lines)) {
            long i = node.path("log").path("data").path("i").asLong();
            assertThat(seen.add(i)).as("event %d appears once", i).isTrue();
        }
        for (long i = 0; i <= lastFlushed; i++) {
            assertThat(seen).as("flushed event %d", i).contains(i);
        }
    }
}
