package dev.fapilog.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.SinkState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Breaker transitions on a fake clock (catalogue 5.2): threshold, open, half-open probe, recovery, re-opening. */
class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> moves = new ArrayList<>();
    private final CircuitBreaker breaker =
            new CircuitBreaker(3, 30_000_000_000L, now::get, (to, failures, error) -> moves.add(to + "/" + failures));

    @Test
    void opensAfterTheThresholdOfFailuresInARowAndNotBefore() {
        breaker.failed("e1");
        breaker.failed("e2");
        breaker.succeeded(); // resets the count
        breaker.failed("e3");
        breaker.failed("e4");
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.WRITE);
        breaker.failed("e5");
        assertThat(moves).containsExactly("OPEN/3");
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.DIVERT);
        SinkState s = breaker.state("x", "none", 0);
        assertThat(s.circuit()).isEqualTo(SinkState.Circuit.OPEN);
        assertThat(s.consecutiveFailures()).isEqualTo(3);
        assertThat(s.lastError()).isEqualTo("e5");
        assertThat(s.lastErrorAt()).isNotNull();
    }

    @Test
    void aSuccessfulProbeAfterTheRecoveryTimeClosesIt() {
        open();
        now.addAndGet(29_999_999_999L);
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.DIVERT);
        now.addAndGet(1);
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.PROBE);
        assertThat(breaker.admit()).as("one probe at a time").isEqualTo(CircuitBreaker.Admission.DIVERT);
        assertThat(breaker.isClosed()).isFalse();
        breaker.succeeded();
        assertThat(breaker.isClosed()).isTrue();
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.WRITE);
        assertThat(moves).containsExactly("OPEN/3", "HALF_OPEN/3", "CLOSED/0");
        assertThat(breaker.state("x", "none", 0).consecutiveFailures()).isZero();
    }

    @Test
    void aFailedProbeOpensItAgainForAnotherRecoveryTime() {
        open();
        now.addAndGet(30_000_000_000L);
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.PROBE);
        breaker.failed("still down");
        assertThat(moves).containsExactly("OPEN/3", "HALF_OPEN/3", "OPEN/4");
        now.addAndGet(29_000_000_000L);
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.DIVERT);
        now.addAndGet(1_000_000_000L);
        assertThat(breaker.admit()).isEqualTo(CircuitBreaker.Admission.PROBE);
    }

    @Test
    void aThresholdOfZeroNeverOpens() {
        CircuitBreaker off = new CircuitBreaker(0, 1, now::get, (to, f, e) -> moves.add(to.name()));
        for (int i = 0; i < 1_000; i++) {
            off.failed("e");
        }
        assertThat(off.admit()).isEqualTo(CircuitBreaker.Admission.WRITE);
        assertThat(moves).isEmpty();
    }

    private void open() {
        breaker.failed("a");
        breaker.failed("b");
        breaker.failed("c");
    }
}
