package dev.fapilog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.boot.BuiltRuntime;
import dev.fapilog.boot.RuntimeBuilder;
import dev.fapilog.cdi.FapilogDrained.Trigger;
import dev.fapilog.support.FaultSinks;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every order in which containers end an application, on a real runtime: WildFly/Payara, Weld SE, an owner destroyed
 * alone, and a container that only sends the last signal. Each drains exactly once, and late events are kept.
 */
class ShutdownSequenceTest {
    private final MemorySink sink = new MemorySink();
    private final List<FapilogDrained> drained = new CopyOnWriteArrayList<>();
    private LogRuntime runtime;
    private ShutdownSequence sequence;
    private Logger log;

    @BeforeEach
    void start() {
        BuiltRuntime built = ((RuntimeBuilder) TestRuntimes.builder().plugin(sink)).start();
        runtime = built.runtime();
        sequence = new ShutdownSequence(built, Duration.ofSeconds(5), drained::add);
        log = runtime.logger("app");
        log.info("while running");
    }

    @Test
    void serverOrderDrainsAtDestroyedAfterEveryPreDestroy() {
        sequence.beforeDestroyed();
        assertThat(sink.size()).as("flushed while the application is whole").isEqualTo(1);
        sequence.preDestroy(true);
        log.info("from another bean's @PreDestroy, after the owner's");
        assertThat(drained).isEmpty();
        sequence.destroyed();
        sequence.beforeShutdown();
        assertThat(drained).hasSize(1);
        assertThat(drained.get(0).begunBy()).isEqualTo(Trigger.BEFORE_DESTROYED);
        assertThat(drained.get(0).drainedAt()).isEqualTo(Trigger.DESTROYED);
        assertThat(drained.get(0).result().delivered()).isEqualTo(2);
        assertThat(sink.size()).isEqualTo(2);
    }

    @Test
    void weldSeOrderDrainsAtBeforeShutdown() {
        sequence.beforeDestroyed();
        sequence.destroyed();
        log.info("from a @PreDestroy before the owner's");
        sequence.preDestroy(true);
        log.info("from a @PreDestroy after the owner's");
        assertThat(drained).isEmpty();
        sequence.beforeShutdown();
        assertThat(drained).singleElement().satisfies(d -> {
            assertThat(d.drainedAt()).isEqualTo(Trigger.BEFORE_SHUTDOWN);
            assertThat(d.result().delivered()).isEqualTo(3);
        });
    }

    @Test
    void anOwnerDestroyedWhileTheApplicationRunsDrainsAtOnce() {
        sequence.preDestroy(false);
        assertThat(drained).singleElement().satisfies(d -> {
            assertThat(d.begunBy()).isEqualTo(Trigger.PRE_DESTROY);
            assertThat(d.drainedAt()).isEqualTo(Trigger.PRE_DESTROY);
        });
        sequence.beforeDestroyed();
        sequence.destroyed();
        sequence.beforeShutdown();
        assertThat(drained).hasSize(1);
    }

    @Test
    void onlyTheLastSignalStillDrains() {
        sequence.beforeShutdown();
        assertThat(drained).singleElement().satisfies(d -> {
            assertThat(d.begunBy()).isEqualTo(Trigger.BEFORE_SHUTDOWN);
            assertThat(d.result().delivered()).isEqualTo(1);
        });
    }

    @Test
    void eventsAfterTheDrainAreCountedAsDroppedAfterShutdown() {
        sequence.preDestroy(false);
        log.info("too late");
        assertThat(runtime.stats().droppedByReason()).containsEntry("after_shutdown", 1L);
    }

    @Test
    void theDeadlineCountsFromTheFirstSignalNotFromEachStep() throws Exception {
        FaultSinks.Hanging hung = new FaultSinks.Hanging("hung");
        BuiltRuntime built =
                ((RuntimeBuilder) TestRuntimes.builder().plugin(hung).setting("sink.hung.timeout", "10s")).start();
        LogRuntime stuck = built.runtime();
        try {
            ShutdownSequence s = new ShutdownSequence(built, Duration.ofMillis(800), drained::add);
            stuck.logger("app").info("never written");
            long t0 = System.nanoTime();
            s.beforeDestroyed(); // the flush waits on the hung sink and uses up the whole budget
            s.beforeShutdown(); // so the drain gets only what is left: almost nothing
            Duration total = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(drained)
                    .singleElement()
                    .satisfies(d -> assertThat(d.result().completedInTime()).isFalse());
            // A deadline restarted at each step would take at least 2 x 800 ms.
            assertThat(total).isLessThan(Duration.ofMillis(1500));
        } finally {
            hung.release();
        }
    }
}
