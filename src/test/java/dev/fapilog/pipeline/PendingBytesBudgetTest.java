package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code sink.<name>.max-pending-bytes}: the batches waiting for a sink that fell behind are bounded in bytes; the
 * oldest waiting ones make room and are counted as {@code dropped(sink_backlog)} for that sink.
 */
class PendingBytesBudgetTest {

    /** Blocks its first write until released; remembers the largest batch it saw. */
    static final class Held extends RecordingSink {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);

        Held() {
            super("held");
        }

        @Override
        public void write(SinkBatch batch) throws Exception {
            writing.countDown();
            release.await(20, TimeUnit.SECONDS);
            super.write(batch);
        }
    }

    private static DrainResult run(Held sink, String budget) throws Exception {
        LogRuntime rt = TestRuntimes.builder()
                .batchMaxSize(100)
                .queueCapacity(4096)
                .plugin(sink)
                .setting("sink.held.max-pending-bytes", budget)
                .setting("sink.held.timeout", "30s")
                .buildRuntime();
        Logger log = rt.logger("big");
        String value = "v".repeat(15_000);
        log.info("first", "v", value);
        assertThat(sink.writing.await(5, TimeUnit.SECONDS)).isTrue();
        for (int batch = 0; batch < 6; batch++) {
            for (int i = 0; i < 100; i++) { // about 1.5 MB per batch
                log.info("big", "v", value);
            }
            rt.flush(Duration.ofMillis(200)); // hands the batch over; held cannot finish, so this returns unfinished
        }
        sink.release.countDown();
        return rt.drain(Duration.ofSeconds(20));
    }

    @Test
    void theOldestWaitingBatchesGiveWayWhenTheBudgetWouldBePassed() throws Exception {
        Held sink = new Held();
        DrainResult d = run(sink, "2MB");

        long shed = d.sinks().get("held").droppedByReason().getOrDefault("sink_backlog", 0L);
        assertThat(shed)
                .as("one 1.5 MB batch fits in 2 MB, the next makes the oldest give way")
                .isGreaterThanOrEqualTo(100);
        assertThat(sink.count() + shed).isEqualTo(1 + 6 * 100);
        assertThat(d.stats().balanced()).isTrue();
    }

    @Test
    void withinTheDefaultBudgetASlowSinkGetsBackpressureNotLoss() throws Exception {
        Held sink = new Held();
        DrainResult d = run(sink, "16MB");

        assertThat(d.dropped()).isZero();
        assertThat(sink.count()).isEqualTo(1 + 6 * 100);
        assertThat(d.stats().balanced()).isTrue();
    }
}
