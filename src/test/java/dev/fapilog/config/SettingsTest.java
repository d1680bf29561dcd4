package dev.fapilog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigProblem;
import dev.fapilog.Level;
import dev.fapilog.Preset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final EnvironmentFacts LOCAL_PIPE = new EnvironmentFacts(false, "local");
    private static final EnvironmentFacts LOCAL_TTY = new EnvironmentFacts(true, "local");

    private static Settings ok(Map<String, String> explicit, EnvironmentFacts env) {
        SettingsResolver.Result r = SettingsResolver.resolve(explicit, env);
        assertThat(r.problems()).isEmpty();
        return r.settings();
    }

    private static List<ConfigProblem> problems(Map<String, String> explicit) {
        SettingsResolver.Result r = SettingsResolver.resolve(explicit, LOCAL_PIPE);
        assertThat(r.ok()).isFalse();
        return r.problems();
    }

    @Test
    void defaults() {
        Settings s = ok(Map.of(), LOCAL_PIPE);
        assertThat(s.name()).isEqualTo("fapilog");
        assertThat(s.engine().level()).isEqualTo(Level.INFO);
        assertThat(s.sinks()).containsExactly("stdout-json");
        assertThat(s.engine().queueCapacity()).isEqualTo(10_000);
        assertThat(s.engine().protectedQueueCapacity()).isEqualTo(1_000);
        assertThat(s.engine().protectedLevels())
                .containsExactlyInAnyOrder(Level.ERROR, Level.CRITICAL, Level.AUDIT, Level.SECURITY);
        assertThat(s.engine().backpressurePolicy()).isEqualTo(BackpressurePolicy.DROP);
        assertThat(s.engine().backpressureWait()).isEqualTo(Duration.ofMillis(50));
        assertThat(s.engine().batchMaxSize()).isEqualTo(256);
        assertThat(s.engine().batchTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.engine().shutdownHook()).isTrue();
        assertThat(s.plugins(PluginKind.REDACTOR)).containsExactly("field-mask", "regex-mask", "url-credentials");
        assertThat(s.redactionPresets()).containsExactly("CREDENTIALS");
        assertThat(s.engine().queueMaxBytes()).isEqualTo(64L << 20);
        assertThat(s.plugins(PluginKind.ENRICHER)).containsExactly("runtime-info");
        assertThat(s.engine().redactionFailMode()).isEqualTo(RedactionFailMode.WARN);
    }

    @Test
    void terminalMeansPrettyAndDebugOutsideCi() {
        Settings tty = ok(Map.of(), LOCAL_TTY);
        assertThat(tty.sinks()).containsExactly("stdout-pretty");
        assertThat(tty.engine().level()).isEqualTo(Level.DEBUG);
        Settings ci = ok(Map.of(), new EnvironmentFacts(true, "ci"));
        assertThat(ci.engine().level()).isEqualTo(Level.INFO);
        assertThat(ok(Map.of("format", "json"), LOCAL_TTY).sinks()).containsExactly("stdout-json");
    }

    @Test
    void environmentDetection() {
        assertThat(EnvironmentFacts.detect(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f"), false, false)
                        .kind())
                .isEqualTo("lambda");
        assertThat(EnvironmentFacts.detect(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"), true, false)
                        .kind())
                .isEqualTo("kubernetes");
        assertThat(EnvironmentFacts.detect(Map.of(), true, false).kind()).isEqualTo("docker");
        assertThat(EnvironmentFacts.detect(Map.of("GITHUB_ACTIONS", "true"), false, false)
                        .kind())
                .isEqualTo("ci");
        assertThat(EnvironmentFacts.detect(Map.of("CI", "false"), false, false).kind())
                .isEqualTo("local");
        Settings lambda = ok(Map.of(), new EnvironmentFacts(true, "lambda"));
        assertThat(lambda.engine().batchMaxSize()).isEqualTo(10);
        assertThat(lambda.engine().queueCapacity()).isEqualTo(1_000);
        assertThat(lambda.engine().level()).isEqualTo(Level.INFO);
        Settings withPreset = ok(Map.of("preset", "dev"), new EnvironmentFacts(false, "lambda"));
        assertThat(withPreset.engine().batchMaxSize())
                .as("detection does not apply under a preset")
                .isEqualTo(1);
    }

    @Test
    void explicitBeatsPresetBeatsDefault() {
        Settings s = ok(Map.of("preset", "production", "fapilog.batch.max-size", "64"), LOCAL_PIPE);
        assertThat(s.preset()).isEqualTo(Preset.PRODUCTION);
        assertThat(s.engine().batchMaxSize()).isEqualTo(64);
        assertThat(s.engine().shutdownTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(s.sourceOf("batch.max-size")).isEqualTo(Settings.Source.EXPLICIT);
        assertThat(s.sourceOf("shutdown.timeout")).isEqualTo(Settings.Source.PRESET);
        assertThat(s.sourceOf("queue.protected-capacity")).isEqualTo(Settings.Source.DEFAULT);
    }

    @Test
    void everyProblemIsReportedTogetherWithCodesKeysAndAllowedValues() {
        List<ConfigProblem> p = problems(Map.of(
                "queue.capacity", "0",
                "batch.max-size", "lots",
                "batch.timeout", "-5ms",
                "backpressure.policy", "block",
                "level", "LOUD",
                "qeue.capacity", "1",
                "shutdown.hook", "maybe",
                "enricher.kubernetes.downward-api-path", "/etc/pod\0info"));
        assertThat(p)
                .extracting(ConfigProblem::key)
                .contains(
                        "queue.capacity",
                        "batch.max-size",
                        "batch.timeout",
                        "backpressure.policy",
                        "level",
                        "qeue.capacity",
                        "shutdown.hook",
                        "enricher.kubernetes.downward-api-path");
        assertThat(p)
                .filteredOn(x -> x.key().equals("queue.capacity"))
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.code()).isEqualTo("FAPILOG-C003");
                    assertThat(x.describe())
                            .isEqualTo("FAPILOG-C003 fapilog.queue.capacity = '0': an integer from 1 to 16777216");
                });
        assertThat(p)
                .filteredOn(x -> x.key().equals("qeue.capacity"))
                .singleElement()
                .satisfies(x -> assertThat(x.allowed()).contains("did you mean fapilog.queue.capacity?"));
        assertThat(p)
                .filteredOn(x -> x.key().equals("backpressure.policy"))
                .singleElement()
                .satisfies(x -> assertThat(x.allowed()).isEqualTo("one of drop, wait"));
    }

    @Test
    void impossibleCombinations() {
        assertThat(problems(Map.of("queue.capacity", "100", "batch.max-size", "200")))
                .anySatisfy(p -> {
                    assertThat(p.code()).isEqualTo("FAPILOG-C004");
                    assertThat(p.allowed()).contains("at most fapilog.queue.capacity (100)");
                });
        assertThat(problems(Map.of("format", "json", "sinks", "stdout-json")))
                .anySatisfy(p -> assertThat(p.key()).isEqualTo("format"));
        assertThat(problems(Map.of("sinks", "stdout-json,stdout-json")))
                .anySatisfy(p -> assertThat(p.allowed()).contains("each sink name at most once"));
    }

    @Test
    void valueParsers() {
        assertThat(ConfigValues.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ConfigValues.duration("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(ConfigValues.duration("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(ConfigValues.duration("1.5s")).isEqualTo(Duration.ofMillis(1_500));
        assertThat(ConfigValues.duration("PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> ConfigValues.duration("5")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ConfigValues.size("10MB")).isEqualTo(10L << 20);
        assertThat(ConfigValues.size("512 KiB")).isEqualTo(512L << 10);
        assertThat(ConfigValues.size("4096")).isEqualTo(4096);
        assertThat(ConfigValues.bool("on")).isTrue();
        assertThat(ConfigValues.list(" a, ,b ")).containsExactly("a", "b");
        assertThat(ConfigValues.list("none")).isEmpty();
        assertThat(ConfigValues.list("data\\.a{1\\,3},x\\.y")).containsExactly("data\\.a{1,3}", "x\\.y");
        assertThat(ConfigValues.list(ConfigValues.joinList(List.of("a{1,3}", "b"))))
                .containsExactly("a{1,3}", "b");
        assertThat(ConfigValues.format(Duration.ofMillis(1_500))).isEqualTo("1500ms");
    }

    @Test
    void sinkKeysAreSplitIntoDeliveryAndOptions() {
        Settings s = ok(
                Map.of(
                        "sink.stdout-pretty.colors",
                        "never",
                        "sink.stdout-json.timeout",
                        "2s",
                        "sink.retry.max-attempts",
                        "5"),
                LOCAL_PIPE);
        assertThat(s.sinkOptions()).containsEntry("stdout-pretty", Map.of("colors", "never"));
        assertThat(s.engine().deliveryOf("stdout-json").timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.engine().deliveryOf("stdout-json").maxAttempts()).isEqualTo(5);
        assertThat(s.engine().deliveryOf("other").timeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
