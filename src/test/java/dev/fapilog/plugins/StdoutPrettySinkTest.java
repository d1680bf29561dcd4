package dev.fapilog.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.LogRuntime;
import dev.fapilog.support.StdStreams;
import dev.fapilog.support.TestRuntimes;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StdoutPrettySinkTest {

    @Test
    void oneEscapedLinePerEventWithoutColoursOffATerminal() {
        String out = StdStreams.captureOut(() -> {
            LogRuntime rt = TestRuntimes.builder().sinks("stdout-pretty").buildRuntime();
            rt.logger("orders")
                    .info(
                            "Processing\nrequest",
                            "user_id",
                            123,
                            "note",
                            "two words",
                            "evil",
                            "\u001b[2J\u202e",
                            "nested",
                            Map.of("a", 1));
            rt.logger("orders").error("Failed", new IllegalStateException("boom"));
            rt.drain(Duration.ofSeconds(5));
        });
        String[] lines = out.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO     orders \\| .*")
                .contains("Processing\\nrequest | user_id=123 note=\"two words\" evil=\\u001b[2J\\u202e nested.a=1")
                .doesNotContain("\u001b", "\u202e");
        assertThat(lines[1]).contains("ERROR    orders | Failed | error=\"java.lang.IllegalStateException: boom\" at=");
    }

    @Test
    void coloursWhenAsked() {
        String out = StdStreams.captureOut(() -> {
            LogRuntime rt = TestRuntimes.builder()
                    .sinks("stdout-pretty")
                    .sinkOption("stdout-pretty", "colors", "always")
                    .buildRuntime();
            rt.logger("c").warn("careful");
            rt.drain(Duration.ofSeconds(5));
        });
        assertThat(out).contains("\u001b[33mWARNING\u001b[0m");
    }

    @Test
    void jsonSinkCanUseStandardError() {
        String err = StdStreams.captureErr(() -> {
            LogRuntime rt = TestRuntimes.builder()
                    .sinks("stdout-json")
                    .sinkOption("stdout-json", "stream", "stderr")
                    .buildRuntime();
            rt.logger("e").info("to stderr");
            rt.drain(Duration.ofSeconds(5));
        });
        assertThat(err).contains("\"message\":\"to stderr\"");
    }

    @Test
    void aBrokenStdoutCountsAsFailedNotDelivered() {
        PrintStream original = System.out;
        PrintStream broken = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("EPIPE");
            }
        });
        System.setOut(broken);
        try {
            LogRuntime rt = TestRuntimes.builder().sinks("stdout-json").buildRuntime();
            rt.logger("e").info("nowhere to go");
            var r = rt.drain(Duration.ofSeconds(5));
            assertThat(r.failedByReason()).containsEntry("exception", 1L);
            assertThat(r.delivered()).isZero();
        } finally {
            System.setOut(original);
        }
    }
}
