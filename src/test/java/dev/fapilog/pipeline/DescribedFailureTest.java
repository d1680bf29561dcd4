package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkWriteException;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sink describes its failures with {@link SinkWriteException}: the reason it is counted under, whether to retry, and
 * the wait the destination asked for (the network sinks map HTTP statuses and {@code Retry-After} onto it).
 */
class DescribedFailureTest {

    /** Throws the scripted failures in order, then records. */
    static final class Scripted extends RecordingSink {
        private final Deque<SinkWriteException> script;
        final List<Long> attemptTimes = new ArrayList<>();

        Scripted(SinkWriteException... failures) {
            super("scripted");
            this.script = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public void write(SinkBatch batch) throws Exception {
            attemptTimes.add(System.nanoTime());
            SinkWriteException next = script.poll();
            if (next != null) {
                throw next;
            }
            super.write(batch);
        }
    }

    private static DrainResult runOne(Scripted sink, String... settings) {
        dev.fapilog.LoggerBuilder b = TestRuntimes.builder().batchMaxSize(1).plugin(sink);
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        LogRuntime rt = b.buildRuntime();
        rt.logger("d").info("one");
        return rt.drain(Duration.ofSeconds(10));
    }

    @Test
    void aPermanentFailureIsNotRetriedAndCountsUnderItsReason() {
        Scripted sink = new Scripted(SinkWriteException.permanent("http_400", "bad request"));
        DrainResult r = runOne(sink, "sink.scripted.retry.max-attempts", "5");
        assertThat(sink.attemptTimes).hasSize(1);
        assertThat(r.failedByReason()).containsExactlyEntriesOf(Map.of("http_400", 1L));
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsHonoured() {
        Scripted sink = new Scripted(SinkWriteException.retryable("http_429", "slow down", Duration.ofMillis(300)));
        DrainResult r = runOne(sink, "sink.scripted.retry.backoff", "1ms");
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(r.retries()).isEqualTo(1);
        long gap = sink.attemptTimes.get(1) - sink.attemptTimes.get(0);
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceUnderItsReason() {
        Scripted sink = new Scripted(SinkWriteException.retryable("http_503", "later", Duration.ofMinutes(5)));
        DrainResult r = runOne(sink, "sink.scripted.timeout", "2s");
        assertThat(sink.attemptTimes).hasSize(1);
        assertThat(r.failedByReason()).containsExactlyEntriesOf(Map.of("http_503", 1L));
    }

    @Test
    void reasonsAreShortLowerCaseWords() {
        assertThatThrownBy(() -> SinkWriteException.permanent("HTTP 400", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case");
    }
}
