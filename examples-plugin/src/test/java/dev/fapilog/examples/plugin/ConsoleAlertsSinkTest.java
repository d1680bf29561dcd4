package dev.fapilog.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigurationException;
import dev.fapilog.Fapilog;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.testing.JsonReader;
import dev.fapilog.testing.SinkContract;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plug-in works from its own jar: found by name, configured by its options, and it keeps the sink contract. */
class ConsoleAlertsSinkTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private List<String> errLines() {
        String text = err.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Test
    void keepsTheSinkContract() throws Exception {
        // Level TRACE: the contract's batches are INFO and ERROR, and every line must arrive.
        SinkContract.verify(new ConsoleAlertsSink("console-alerts", Level.TRACE, false), this::errLines);
    }

    @Test
    void aRuntimeFindsItByNameAndItWritesOnlyErrors() {
        Logger log = Fapilog.builder()
                .sinks("console-alerts")
                .shutdownHook(false)
                .setting("diagnostics.enabled", "false")
                .build();
        log.info("fine", "n", 1);
        log.error("broken", "n", 2);
        log.critical("worse", "n", 3);
        LogRuntime rt = log.runtime();
        assertThat(rt.drain(Duration.ofSeconds(5)).delivered()).isEqualTo(3);
        List<String> lines = errLines();
        assertThat(lines).hasSize(2);
        Map<String, Object> first = JsonReader.parseObject(lines.get(0));
        assertThat(((Map<?, ?>) first.get("log")).get("message")).isEqualTo("broken");
    }

    @Test
    void itsOptionsAreValidatedLikeTheLibrarys() {
        assertThatThrownBy(() -> Fapilog.builder()
                        .sinks("console-alerts")
                        .sinkOption("console-alerts", "min-level", "LOUD")
                        .sinkOption("console-alerts", "colour", "red")
                        .buildRuntime())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FAPILOG-C007 fapilog.sink.console-alerts.min-level = 'LOUD': a level name")
                .hasMessageContaining("FAPILOG-C007 fapilog.sink.console-alerts.colour = 'red'");
    }
}
