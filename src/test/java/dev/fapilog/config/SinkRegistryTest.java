package dev.fapilog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigurationException;
import dev.fapilog.LogRuntime;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SinkRegistryTest {

    @Test
    void thirdPartySinkProvidersAreFoundByServiceLoaderAndConfiguredByName() {
        ThirdPartySinkProvider.LINES.clear();
        LogRuntime rt = TestRuntimes.builder()
                .sinks("test-collector")
                .sinkOption("test-collector", "prefix", "#")
                .buildRuntime();
        rt.logger("t").info("through a third-party sink");
        rt.drain(Duration.ofSeconds(5));
        assertThat(ThirdPartySinkProvider.lastPrefix).isEqualTo("#");
        assertThat(ThirdPartySinkProvider.LINES).singleElement().satisfies(l -> {
            assertThat(l).startsWith("#{");
            JsonLines.checkText(l.substring(1));
        });
    }

    @Test
    void unknownSinksOptionsAndValuesAreRejectedWithWhatIsAllowed() {
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .sinks("stdout-json", "nope")
                        .sinkOption("test-collector", "prefix", "way too long")
                        .sinkOption("stdout-pretty", "colours", "always")
                        .sinkOption("ghost", "x", "y")
                        .buildRuntime())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> {
                    String m = e.getMessage();
                    assertThat(m)
                            .contains(
                                    "FAPILOG-C005 fapilog.sinks = 'nope': a known sink name; available: "
                                            + "file, http, loki, otlp, rotating-file, stdout-json, stdout-pretty, test-collector, webhook");
                    assertThat(m).contains("fapilog.sink.test-collector.prefix = 'way too long': 1 to 8 characters");
                    assertThat(m)
                            .contains("fapilog.sink.stdout-pretty.colours = 'always': an option of sink"
                                    + " 'stdout-pretty': timeout, retry.max-attempts, retry.backoff,"
                                    + " circuit.failure-threshold, circuit.recovery, fallback, max-pending-bytes, type, colors,"
                                    + " stream");
                    assertThat(m).contains("fapilog.sink.ghost.*");
                });
    }

    @Test
    void atLeastOneSinkAndUniqueNames() {
        assertThatThrownBy(() -> TestRuntimes.builder().buildRuntime()).hasMessageContaining("at least one sink");
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new RecordingSink("same"))
                        .plugin(new RecordingSink("same"))
                        .buildRuntime())
                .hasMessageContaining("FAPILOG-C010")
                .hasMessageContaining("'same' is used twice");
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(() -> "not a plug-in kind")
                        .buildRuntime())
                .hasMessageContaining("a Sink, Filter, Enricher, Redactor or Processor");
    }
}
