package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.LogRuntime;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two running runtimes of one name get a diagnostic; a name freed by a drain may be used again quietly. */
class RuntimeNamesTest {

    @Test
    void aSecondRunningRuntimeOfTheSameNameIsReported() {
        List<String> first = TestRuntimes.diagnostics();
        List<String> second = TestRuntimes.diagnostics();
        List<String> third = TestRuntimes.diagnostics();
        LogRuntime a = TestRuntimes.builder(first)
                .name("twin-names")
                .plugin(new dev.fapilog.testing.MemorySink())
                .buildRuntime();
        LogRuntime b = TestRuntimes.builder(second)
                .name("twin-names")
                .plugin(new dev.fapilog.testing.MemorySink())
                .buildRuntime();
        a.drain(Duration.ofSeconds(5));
        b.drain(Duration.ofSeconds(5));
        LogRuntime c = TestRuntimes.builder(third)
                .name("twin-names")
                .plugin(new dev.fapilog.testing.MemorySink())
                .buildRuntime();
        c.drain(Duration.ofSeconds(5));
        assertThat(first).noneMatch(l -> l.contains("duplicate-name"));
        assertThat(second).anyMatch(l -> l.contains("\"key\":\"duplicate-name\"") && l.contains("twin-names"));
        assertThat(third).noneMatch(l -> l.contains("duplicate-name"));
    }
}
