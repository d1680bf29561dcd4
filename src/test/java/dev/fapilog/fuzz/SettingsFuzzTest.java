package dev.fapilog.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fapilog.ConfigurationException;
import dev.fapilog.LogRuntime;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings parser (reliability anchors F4, after Logback's JoranFuzzer): any mix of known and unknown keys with
 * any values either starts a runtime that logs and drains, or fails with a {@link ConfigurationException} whose every
 * problem carries its code; never another exception. Keys that would write files or register JVM hooks are left out,
 * so a long run stays inside the test.
 */
class SettingsFuzzTest {
    private static final List<String> KEYS = new ArrayList<>();
    private static final String[] VALUES = {
        "",
        "0",
        "-1",
        "1",
        "7",
        "100",
        "65536",
        "2147483648",
        "1.5",
        "NaN",
        "1e308",
        "250ms",
        "5s",
        "1m",
        "0s",
        "-5s",
        "PT5S",
        "10MB",
        "1KB",
        "0B",
        "true",
        "false",
        "yes",
        "none",
        "auto",
        "INFO",
        "DEBUG",
        "warn",
        "custom",
        "drop",
        "wait",
        "closed",
        "CREDENTIALS",
        "PCI_DSS,HIPAA_PHI",
        "ERROR+=memory",
        "*=nowhere",
        "ERROR=",
        "a|b=c",
        "field-mask",
        "value-scan,regex-mask",
        "[unclosed",
        "(?i).*x.*",
        "(a+)+",
        "dev",
        "production",
        "hardened",
        "minimal",
        "stderr",
        "jul",
        "\u0000",
        "\ud800",
        "${jndi:ldap://127.0.0.1/x}"
    };

    static {
        for (String key : coreKeys()) {
            if (!key.equals("sinks") && !key.equals("shutdown.hook") && !key.startsWith("sink.")) {
                KEYS.add(key);
            }
        }
        KEYS.addAll(List.of(
                "redaction.fields",
                "redaction.patterns",
                "filter.sampling.rate",
                "filter.rate-limit.capacity",
                "filter.level.loggers",
                "sink.memory.timeout",
                "sink.memory.retry.max-attempts",
                "sink.memory.circuit.failure-threshold",
                "sink.memory.fallback",
                "sink.memory.type",
                "no.such.key",
                "queue.capacityy"));
    }

    /** The runtime's own keys, read from its catalogue (package-private: the documented list is the same). */
    @SuppressWarnings("unchecked")
    private static java.util.Set<String> coreKeys() {
        try {
            java.lang.reflect.Field f =
                    Class.forName("dev.fapilog.config.CoreKeys").getDeclaredField("DEFAULTS");
            f.setAccessible(true);
            return ((Map<String, String>) f.get(null)).keySet();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void anySettingsStartOrFailWithCodedProblems(FuzzedDataProvider d) {
        Map<String, String> settings = new LinkedHashMap<>();
        int n = d.consumeInt(0, 6);
        for (int i = 0; i < n; i++) {
            String key = KEYS.get(d.consumeInt(0, KEYS.size() - 1));
            String value =
                    d.consumeBoolean() ? VALUES[d.consumeInt(0, VALUES.length - 1)] : FuzzInputs.anyString(d, 24);
            settings.put(key, value);
        }
        FuzzInputs.LastLines sink = new FuzzInputs.LastLines("memory"); // the sink the settings may name
        LogRuntime rt;
        try {
            rt = TestRuntimes.builder()
                    .name("fuzz-settings")
                    .plugin(sink)
                    .settings(settings)
                    .setting("diagnostics.enabled", "false")
                    .buildRuntime();
        } catch (ConfigurationException expected) {
            assertThat(expected.problems()).isNotEmpty();
            assertThat(expected.problems()).allSatisfy(p -> assertThat(p.code()).startsWith("FAPILOG-C"));
            return;
        }
        rt.logger("s").error("started with %s", "settings", settings.toString());
        assertThat(rt.drain(Duration.ofSeconds(10)).stats().balanced()).isTrue();
    }
}
