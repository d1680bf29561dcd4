package dev.fapilog.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {
    private static final long SECONDS_10 = Duration.ofSeconds(10).toNanos();

    @Test
    void anIdleTrackerDoesNotWait() {
        long t0 = System.nanoTime();
        new InFlightRequests().awaitIdle(t0 + SECONDS_10);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void anAnsweredRequestWhoseEventNeverComesHoldsTheShutdownOnlyForTheGrace() {
        InFlightRequests tracker = new InFlightRequests();
        tracker.begin();
        tracker.answered(); // the event would follow from the writer interceptor, which never runs
        long t0 = System.nanoTime();
        tracker.awaitIdle(t0 + SECONDS_10);
        // About one second of grace, not the ten seconds of the deadline.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnansweredRequestIsAwaitedUntilItIsAnswered() throws Exception {
        InFlightRequests tracker = new InFlightRequests();
        tracker.begin();
        Thread answer = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            tracker.answered();
            tracker.landed();
        });
        answer.start();
        long t0 = System.nanoTime();
        tracker.awaitIdle(t0 + SECONDS_10);
        answer.join();
        Duration waited = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(5));
    }
}
