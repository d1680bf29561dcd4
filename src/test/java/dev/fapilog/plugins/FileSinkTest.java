package dev.fapilog.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    @TempDir
    Path dir;

    private LogRuntime runtime(Path file, String append) {
        return TestRuntimes.builder()
                .name("file-test")
                .sinks("file")
                .sinkOption("file", "path", file.toString())
                .sinkOption("file", "append", append)
                .buildRuntime();
    }

    @Test
    void writesOneValidLinePerEventAndAppends() throws Exception {
        Path file = dir.resolve("logs/app.jsonl");
        LogRuntime first = runtime(file, "true");
        for (int i = 0; i < 1_000; i++) {
            first.logger("f").info("line", "i", i);
        }
        assertThat(first.drain(Duration.ofSeconds(5)).delivered()).isEqualTo(1_000);
        LogRuntime second = runtime(file, "true");
        second.logger("f").info("appended");
        second.drain(Duration.ofSeconds(5));
        assertThat(JsonLines.checkAll(Files.readAllBytes(file))).hasSize(1_001);

        LogRuntime truncating = runtime(file, "false");
        truncating.logger("f").info("fresh");
        truncating.drain(Duration.ofSeconds(5));
        assertThat(JsonLines.checkAll(Files.readAllBytes(file))).hasSize(1);
    }

    @Test
    void anInterruptAimedAtTheSinkThreadDoesNotBreakTheFile() throws Exception {
        Path file = dir.resolve("interrupted.jsonl");
        LogRuntime rt = runtime(file, "true");
        Logger log = rt.logger("f");
        log.info("before");
        assertThat(rt.flush(Duration.ofSeconds(5))).isTrue();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("fapilog-file-test-sink-file")) {
                t.interrupt();
            }
        }
        log.info("after the interrupt");
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.delivered()).isEqualTo(2);
        assertThat(JsonLines.checkAll(Files.readAllBytes(file))).hasSize(2);
    }

    @Test
    void thePathIsRequired() {
        assertThatThrownBy(() -> TestRuntimes.builder().sinks("file").buildRuntime())
                .hasMessageContaining("FAPILOG-C008")
                .hasMessageContaining("fapilog.sink.file.path is required");
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .sinks("file")
                        .sinkOption("file", "path", dir.toString()) // a directory, not a file
                        .buildRuntime())
                .hasMessageContaining("FAPILOG-C008")
                .hasMessageContaining("'file' failed");
    }
}
