package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.support.FaultSinks;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** After Log4j's AsyncAppenderExceptionHandlingTest: whatever a sink throws, the next event is still delivered. */
class SinkFailureTest {

    static Stream<Throwable> failures() {
        return Stream.of(
                new IllegalStateException("runtime"),
                new IOException("checked, smuggled through"),
                new AssertionError("an Error"),
                new StackOverflowError("deep"),
                new Throwable("a bare Throwable"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void nextEventIsDeliveredAfterAFailedWrite(Throwable failure) {
        FaultSinks.Throwing throwing = new FaultSinks.Throwing("throwing", failure, 1, false);
        RecordingSink other = new RecordingSink("other");
        List<String> diagnostics = TestRuntimes.diagnostics();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .batchMaxSize(1)
                .plugin(throwing)
                .plugin(other)
                .buildRuntime();
        Logger log = rt.logger("t");
        log.info("first");
        assertThat(rt.flush(Duration.ofSeconds(5))).isTrue();
        log.info("second");
        DrainResult r = rt.drain(Duration.ofSeconds(5));

        assertThat(throwing.count()).isEqualTo(1);
        assertThat(other.count()).isEqualTo(2);
        assertThat(r.sinks().get("throwing").failedByReason()).containsEntry("exception", 1L);
        assertThat(r.sinks().get("throwing").delivered()).isEqualTo(1);
        assertThat(r.sinks().get("other").delivered()).isEqualTo(2);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(r.stats().balanced()).isTrue();
        assertThat(diagnostics)
                .anyMatch(l -> l.contains("write_failed")
                        && l.contains(failure.getClass().getName()));
    }

    @Test
    void retryableFailuresAreRetriedWithinTheDeadline() {
        FaultSinks.Throwing flaky = new FaultSinks.Throwing("flaky", new IOException("transient"), 2, true);
        LogRuntime rt = TestRuntimes.builder()
                .batchMaxSize(1)
                .setting("sink.flaky.retry.max-attempts", "3")
                .setting("sink.flaky.retry.backoff", "5ms")
                .plugin(flaky)
                .buildRuntime();
        rt.logger("t").info("eventually");
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(flaky.attempts.get()).isEqualTo(3);
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(r.retries()).isEqualTo(2);
        assertThat(r.sinks().get("flaky").retries()).isEqualTo(2);
    }

    @Test
    void retriesStopAtMaxAttempts() {
        FaultSinks.Throwing broken = new FaultSinks.Throwing("broken", new IOException("down"), -1, true);
        LogRuntime rt = TestRuntimes.builder()
                .batchMaxSize(1)
                .setting("sink.broken.retry.max-attempts", "2")
                .setting("sink.broken.retry.backoff", "1ms")
                .plugin(broken)
                .buildRuntime();
        rt.logger("t").info("never");
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(broken.attempts.get()).isEqualTo(2);
        assertThat(r.failedByReason()).containsEntry("exception", 1L);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void aSinkThatFailsToStartFailsTheBuildWithItsName() {
        dev.fapilog.spi.Sink broken = new RecordingSink("nostart") {
            @Override
            public void start(dev.fapilog.spi.SinkContext context) {
                throw new IllegalStateException("cannot open");
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TestRuntimes.builder().plugin(broken).buildRuntime())
                .isInstanceOf(dev.fapilog.ConfigurationException.class)
                .hasMessageContaining("FAPILOG-C008")
                .hasMessageContaining("nostart")
                .hasMessageContaining("cannot open");
    }
}
