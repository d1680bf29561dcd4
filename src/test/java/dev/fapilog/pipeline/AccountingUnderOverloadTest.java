package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.SinkStats;
import dev.fapilog.support.FaultSinks;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Reliability plan A1: the conservation equation holds exactly under overload, per sink and in total. */
class AccountingUnderOverloadTest {

    @Test
    void sixteenProducersSlowSinkDropPolicy() throws Exception {
        FaultSinks.Slow slow = new FaultSinks.Slow("slow", 2_000_000L); // 2 ms per batch of at most 64
        RecordingSink fast = new RecordingSink("fast");
        LogRuntime rt = TestRuntimes.builder()
                .name("overload")
                .queueCapacity(2_048)
                .batchMaxSize(64)
                .dropWhenFull()
                .plugin(slow)
                .plugin(fast)
                .buildRuntime();
        int producers = 16;
        int perProducer = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads[p] = new Thread(() -> {
                Logger log = rt.logger("producer");
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int seq = 0; seq < perProducer; seq++) {
                    log.info("e", "producer", id, "seq", seq);
                }
            });
            threads[p].start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        DrainResult r = rt.drain(Duration.ofSeconds(60));

        assertThat(r.completedInTime()).isTrue();
        assertThat(r.submitted()).isEqualTo((long) producers * perProducer);
        assertThat(r.pending()).isZero();
        assertThat(r.stats().accountedFor()).isEqualTo(r.submitted());
        assertThat(r.droppedByReason()).containsKey("queue_full");
        assertThat(r.dropped())
                .as("the slow sink must cause drops for the test to mean anything")
                .isPositive();
        for (SinkStats s : r.sinks().values()) {
            assertThat(s.accountedFor()).as("sink %s", s.sink()).isEqualTo(r.submitted());
            assertThat(s.pending()).isZero();
        }
        assertThat(r.sinks().get("slow").delivered()).isEqualTo(slow.count());
        assertThat(r.sinks().get("fast").delivered()).isEqualTo(fast.count());

        // Gaps equal drops; no duplicates; each producer's events in order. In total, an event is delivered when both
        // sinks wrote it (either may have shed a batch of its own as sink_backlog while the other waited for work).
        java.util.Set<Long> writtenByBoth = null;
        for (RecordingSink sink : List.of(slow, fast)) {
            Map<Integer, Integer> last = new HashMap<>();
            java.util.Set<Long> written = new java.util.HashSet<>();
            List<JsonNode> lines = JsonLines.checkAll(sink.bytes());
            for (JsonNode n : lines) {
                JsonNode data = n.get("log").get("data");
                int producer = data.get("producer").asInt();
                int seq = data.get("seq").asInt();
                written.add((long) producer << 32 | seq);
                Integer previous = last.put(producer, seq);
                assertThat(previous == null || seq > previous)
                        .as("producer %d: %d after %s", producer, seq, previous)
                        .isTrue();
            }
            assertThat((long) lines.size()
                            + r.sinks().get(sink.name()).dropped()
                            + r.sinks().get(sink.name()).failed())
                    .isEqualTo(r.submitted());
            if (writtenByBoth == null) {
                writtenByBoth = written;
            } else {
                writtenByBoth.retainAll(written);
            }
        }
        assertThat(r.delivered()).isEqualTo(writtenByBoth.size());
    }
}
