package dev.fapilog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigProblem;
import dev.fapilog.ConfigurationException;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.Preset;
import dev.fapilog.boot.BuiltRuntime;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder's typed calls reach the settings as values, not as text parsed back; they are checked the same way. */
class TypedSettingsTest {
    private static final EnvironmentFacts LOCAL = new EnvironmentFacts(false, "local");

    @Test
    void typedValuesAreUsedAsGiven() {
        SettingsResolver.Result r = SettingsResolver.resolve(
                Map.of(
                        "queue.capacity",
                        5_000,
                        "level",
                        Level.WARNING,
                        "preset",
                        Preset.PRODUCTION,
                        "backpressure.policy",
                        BackpressurePolicy.DROP,
                        "batch.timeout",
                        Duration.ofNanos(1_234_567),
                        "shutdown.hook",
                        false,
                        "queue.protected-levels",
                        List.of(Level.CRITICAL),
                        "redaction.patterns",
                        List.of("data\\.a{1,3}")),
                LOCAL);
        assertThat(r.problems()).isEmpty();
        EngineSettings e = r.settings().engine();
        assertThat(e.queueCapacity()).isEqualTo(5_000);
        assertThat(e.level()).isEqualTo(Level.WARNING);
        assertThat(r.settings().preset()).isEqualTo(Preset.PRODUCTION);
        assertThat(e.backpressurePolicy()).isEqualTo(BackpressurePolicy.DROP);
        assertThat(e.batchTimeout()).isEqualTo(Duration.ofNanos(1_234_567));
        assertThat(e.shutdownHook()).isFalse();
        assertThat(e.protectedLevels()).containsExactly(Level.CRITICAL);
        assertThat(r.settings()
                        .pluginOptions()
                        .get(PluginKind.REDACTOR)
                        .get("regex-mask")
                        .list("patterns"))
                .as("a comma inside a typed list entry needs no escaping")
                .containsExactly("data\\.a{1,3}");
        assertThat(r.settings().sourceOf("queue.capacity")).isEqualTo(Settings.Source.EXPLICIT);
    }

    @Test
    void typedValuesOutOfRangeAreTheSameProblemsAsText() {
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new MemorySink())
                        .queueCapacity(0)
                        .waitWhenFull(Duration.ofMinutes(2))
                        .batchTimeout(Duration.ZERO)
                        .buildRuntime())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(ex -> assertThat(((ConfigurationException) ex).problems())
                        .extracting(ConfigProblem::describe)
                        .contains(
                                "FAPILOG-C003 fapilog.queue.capacity = '0': an integer from 1 to 16777216",
                                "FAPILOG-C003 fapilog.backpressure.wait = '120s': a duration such as 250ms, 5s, 1m,"
                                        + " 1h or PT5S, greater than 0 and at most 60s",
                                "FAPILOG-C003 fapilog.batch.timeout = '0s': a duration such as 250ms, 5s, 1m, 1h"
                                        + " or PT5S, greater than 0 and at most 60s"));
    }

    @Test
    void aRuntimeBuiltWithTypedCallsHasThoseSettings() {
        LogRuntime rt = TestRuntimes.builder()
                .plugin(new MemorySink())
                .queueCapacity(2_048)
                .waitWhenFull(Duration.ofMillis(7))
                .level(Level.DEBUG)
                .buildRuntime();
        try {
            EngineSettings e = BuiltRuntime.of(rt).settings().engine();
            assertThat(e.queueCapacity()).isEqualTo(2_048);
            assertThat(e.backpressurePolicy()).isEqualTo(BackpressurePolicy.WAIT);
            assertThat(e.backpressureWait()).isEqualTo(Duration.ofMillis(7));
            assertThat(rt.level()).isEqualTo(Level.DEBUG);
        } finally {
            rt.drain(Duration.ofSeconds(5));
        }
    }
}
