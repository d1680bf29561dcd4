package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkWriteException;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sink that delivers a batch in parts ({@link SinkBatch#commit}, {@link SinkBatch#drop}) gets every event counted for
 * what happened to it, for itself and in the total, and a retry resumes where the last attempt stopped.
 */
class PartialDeliveryTest {

    /**
     * Writes line by line: drops lines whose message contains "huge" as {@code too_large}, and fails (with the given
     * failure) once when it reaches the line whose message contains "trip", after committing what came before.
     */
    static final class Parts extends RecordingSink {
        private final SinkWriteException tripWith;
        private boolean tripped;
        final List<Integer> attemptStarts = new ArrayList<>();
        final List<String> written = new ArrayList<>();

        Parts(String name, SinkWriteException tripWith) {
            super(name);
            this.tripWith = tripWith;
        }

        @Override
        public void write(SinkBatch batch) throws Exception {
            attemptStarts.add(batch.committed());
            for (int i = batch.committed(); i < batch.size(); i++) {
                String line = batch.line(i);
                if (line.contains("trip") && !tripped && tripWith != null) {
                    tripped = true;
                    batch.commit(i);
                    throw tripWith;
                }
                if (line.contains("huge")) {
                    batch.drop(i, "too_large");
                } else {
                    written.add(line.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1"));
                }
            }
        }
    }

    private static void logSix(Logger log) {
        log.info("a");
        log.info("huge b");
        log.info("c");
        log.info("trip d");
        log.info("e");
        log.error("f");
    }

    @Test
    void aRetryResumesAfterTheCommittedLinesAndDroppedLinesCountUnderTheirReason() {
        Parts sink = new Parts("parts", SinkWriteException.retryable("busy", "later", null));
        LogRuntime rt = TestRuntimes.builder()
                .batchMaxSize(64)
                .plugin(sink)
                .setting("sink.parts.retry.backoff", "1ms")
                .buildRuntime();
        logSix(rt.logger("p"));
        DrainResult r = rt.drain(Duration.ofSeconds(5));

        assertThat(sink.written).containsExactly("a", "c", "trip d", "e", "f"); // nothing twice, nothing missing
        assertThat(sink.attemptStarts).last().isEqualTo(3);
        assertThat(r.delivered()).isEqualTo(5);
        assertThat(r.droppedByReason()).containsExactlyEntriesOf(Map.of("too_large", 1L));
        assertThat(r.sinks().get("parts").delivered()).isEqualTo(5);
        assertThat(r.retries()).isEqualTo(1);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void aFinalFailureCountsOnlyTheLinesNotYetCommitted() {
        Parts sink = new Parts("parts", SinkWriteException.permanent("http_413", "too big"));
        LogRuntime rt = TestRuntimes.builder().batchMaxSize(64).plugin(sink).buildRuntime();
        logSix(rt.logger("p"));
        DrainResult r = rt.drain(Duration.ofSeconds(5));

        assertThat(sink.written).containsExactly("a", "c");
        assertThat(r.delivered()).isEqualTo(2);
        assertThat(r.droppedByReason()).containsExactlyEntriesOf(Map.of("too_large", 1L));
        assertThat(r.failedByReason()).containsExactlyEntriesOf(Map.of("http_413", 3L));
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void withAnotherSinkEachEventGetsTheWorstOutcomeOfItsSinks() {
        Parts parts = new Parts("parts", SinkWriteException.permanent("http_413", "too big"));
        RecordingSink whole = new RecordingSink("whole");
        LogRuntime rt = TestRuntimes.builder()
                .batchMaxSize(64)
                .plugin(parts)
                .plugin(whole)
                .buildRuntime();
        logSix(rt.logger("p"));
        DrainResult r = rt.drain(Duration.ofSeconds(5));

        assertThat(whole.count()).isEqualTo(6);
        assertThat(r.sinks().get("whole").delivered()).isEqualTo(6);
        assertThat(r.sinks().get("parts").delivered()).isEqualTo(2);
        assertThat(r.delivered()).isEqualTo(2);
        assertThat(r.droppedByReason()).containsExactlyEntriesOf(Map.of("too_large", 1L));
        assertThat(r.failedByReason()).containsExactlyEntriesOf(Map.of("http_413", 3L));
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void aRoutedShareMapsItsLinesBackToTheBatchsEvents() {
        // "parts" gets every level, "errors" only ERROR, which fails as a whole: event f is failed by errors' reason
        // (failed outranks dropped and delivered), the others follow parts line by line.
        Parts parts = new Parts("parts", SinkWriteException.permanent("http_413", "too big"));
        RecordingSink errors = new RecordingSink("errors") {
            @Override
            public void write(SinkBatch batch) throws Exception {
                throw SinkWriteException.permanent("errors_down", "down");
            }
        };
        LogRuntime rt = TestRuntimes.builder()
                .level(Level.DEBUG)
                .batchMaxSize(64)
                .plugin(parts)
                .plugin(errors)
                .setting("routing.rules", "ERROR=errors, INFO+=parts")
                .setting("routing.overlap", "true")
                .buildRuntime();
        Logger log = rt.logger("p");
        log.info("a");
        log.error("huge e");
        log.info("c");
        log.info("trip d");
        DrainResult r = rt.drain(Duration.ofSeconds(5));

        assertThat(parts.written).containsExactly("a", "c");
        assertThat(r.sinks().get("errors").failedByReason()).containsExactlyEntriesOf(Map.of("errors_down", 1L));
        assertThat(r.sinks().get("errors").notRouted()).isEqualTo(3);
        assertThat(r.delivered()).isEqualTo(2);
        assertThat(r.failedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of("errors_down", 1L, "http_413", 1L));
        assertThat(r.droppedByReason()).isEmpty();
        assertThat(r.stats().balanced()).isTrue();
    }
}
