package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.SinkState;
import dev.fapilog.SinkStats;
import dev.fapilog.support.FaultSinks;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.StdStreams;
import dev.fapilog.support.TestRuntimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-sink circuit breaker and fallback, end to end (catalogue 5.2, 6.8), with exact accounting per sink. */
class CircuitBreakerFallbackTest {

    @TempDir
    Path dir;

    @Test
    void anOpenBreakerHandsTheSinksBatchesToItsFallbackSink() throws IOException {
        FaultSinks.Throwing failing = new FaultSinks.Throwing("failing", new IOException("down"), -1, false);
        RecordingSink healthy = new RecordingSink("healthy");
        Path spare = dir.resolve("spare.jsonl");
        List<String> diagnostics = TestRuntimes.diagnostics();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .batchMaxSize(1)
                .setting("sink.failing.circuit.failure-threshold", "2")
                .setting("sink.failing.fallback", "spare")
                .setting("sink.spare.type", "file")
                .setting("sink.spare.path", spare.toString())
                .plugin(failing)
                .plugin(healthy)
                .buildRuntime();
        Logger log = rt.logger("cb");
        for (int i = 0; i < 10; i++) {
            log.info("event", "i", i);
            rt.flush(Duration.ofSeconds(5)); // one batch each, in order, so the breaker sees them one by one
        }
        SinkState state = rt.sinkStates().get(0);
        DrainResult r = rt.drain(Duration.ofSeconds(5));

        assertThat(failing.attempts.get())
                .as("the sink is not called while open")
                .isEqualTo(2);
        assertThat(state.sink()).isEqualTo("failing");
        assertThat(state.circuit()).isEqualTo(SinkState.Circuit.OPEN);
        assertThat(state.fallback()).isEqualTo("spare");
        assertThat(state.diverted()).isEqualTo(8);
        assertThat(state.lastError()).contains("down");
        List<String> lines = Files.readAllLines(spare);
        assertThat(lines).hasSize(8);
        JsonLines.checkLines(lines);
        assertThat(lines.get(0)).contains("\"i\":2");

        SinkStats f = r.sinks().get("failing");
        assertThat(f.failedByReason()).containsExactlyEntriesOf(java.util.Map.of("exception", 2L));
        assertThat(f.delivered()).as("written by the fallback").isEqualTo(8);
        assertThat(r.sinks()).doesNotContainKey("spare");
        assertThat(r.sinks().get("healthy").delivered()).isEqualTo(10);
        assertThat(r.stats().balanced()).isTrue();
        assertThat(f.accountedFor()).isEqualTo(r.submitted());
        assertThat(diagnostics).anyMatch(l -> l.contains("\"circuit_open\"") && l.contains("\"fallback\":\"spare\""));
    }

    @Test
    void withoutAFallbackAnOpenBreakerDropsAsCircuitOpen() {
        FaultSinks.Throwing failing = new FaultSinks.Throwing("failing", new IOException("down"), -1, false);
        LogRuntime rt = TestRuntimes.builder()
                .batchMaxSize(1)
                .setting("sink.failing.circuit.failure-threshold", "3")
                .plugin(failing)
                .buildRuntime();
        for (int i = 0; i < 7; i++) {
            rt.logger("cb").info("event");
            rt.flush(Duration.ofSeconds(5));
        }
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(r.failedByReason()).containsEntry("exception", 3L);
        assertThat(r.droppedByReason()).containsEntry("circuit_open", 4L);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void aProbeAfterTheRecoveryTimeClosesTheBreakerAndWritingResumes() {
        FaultSinks.Throwing flaky = new FaultSinks.Throwing("flaky", new IOException("down"), 2, false);
        List<String> diagnostics = TestRuntimes.diagnostics();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .batchMaxSize(1)
                .setting("sink.flaky.circuit.failure-threshold", "2")
                .setting("sink.flaky.circuit.recovery", "50ms")
                .plugin(flaky)
                .buildRuntime();
        Logger log = rt.logger("cb");
        log.info("fails 1");
        rt.flush(Duration.ofSeconds(5));
        log.info("fails 2");
        rt.flush(Duration.ofSeconds(5));
        log.info("dropped while open");
        rt.flush(Duration.ofSeconds(5));
        assertThat(rt.sinkStates().get(0).circuit()).isEqualTo(SinkState.Circuit.OPEN);
        LockSupport.parkNanos(80_000_000L);
        log.info("the probe");
        rt.flush(Duration.ofSeconds(5));
        log.info("after recovery");
        DrainResult r = rt.drain(Duration.ofSeconds(5));

        assertThat(flaky.count()).as("%s %s", r, diagnostics).isEqualTo(2);
        assertThat(r.delivered()).isEqualTo(2);
        assertThat(r.droppedByReason()).containsEntry("circuit_open", 1L);
        assertThat(r.failedByReason()).containsEntry("exception", 2L);
        assertThat(rt.sinkStates().get(0).circuit()).isEqualTo(SinkState.Circuit.CLOSED);
        assertThat(diagnostics)
                .anyMatch(l -> l.contains("\"circuit_half_open\""))
                .anyMatch(l -> l.contains("\"circuit_closed\""));
    }

    @Test
    void theStderrFallbackMasksCredentialsEvenWithRedactionOff() {
        FaultSinks.Throwing failing = new FaultSinks.Throwing("failing", new IOException("down"), -1, false);
        String err = StdStreams.captureErr(() -> {
            LogRuntime rt = TestRuntimes.builder()
                    .batchMaxSize(1)
                    .redactors()
                    .setting("redaction.presets", "none")
                    .setting("sink.failing.circuit.failure-threshold", "1")
                    .setting("sink.failing.fallback", "stderr")
                    .plugin(failing)
                    .buildRuntime();
            Logger log = rt.logger("cb");
            log.info("first fails");
            rt.flush(Duration.ofSeconds(5));
            log.info("login", "user", "ann", "password", "hunter2", "nested", java.util.Map.of("Token", "abc"));
            DrainResult r = rt.drain(Duration.ofSeconds(5));
            assertThat(r.sinks().get("failing").delivered()).isEqualTo(1);
        });
        assertThat(err).doesNotContain("hunter2").doesNotContain("abc");
        String line =
                err.lines().filter(l -> l.contains("\"login\"")).findFirst().orElseThrow();
        assertThat(line)
                .contains("\"password\":\"***\"")
                .contains("\"Token\":\"***\"")
                .contains("\"user\":\"ann\"");
        JsonLines.checkText(line);
    }

    @Test
    void aFallbackThatNamesNoSinkFailsTheBuildNamingTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new RecordingSink("main"))
                        .setting("sink.main.fallback", "nowhere")
                        .buildRuntime())
                .hasMessageContaining("fapilog.sink.main.fallback = 'nowhere'")
                .hasMessageContaining("stderr");
    }
}
