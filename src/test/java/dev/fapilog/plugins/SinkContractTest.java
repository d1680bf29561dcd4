package dev.fapilog.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.config.EnvironmentFacts;
import dev.fapilog.config.PluginCatalog;
import dev.fapilog.config.PluginKind;
import dev.fapilog.config.SettingsResolver;
import dev.fapilog.spi.PluginProvider;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.testing.JsonReader;
import dev.fapilog.testing.MemorySink;
import dev.fapilog.testing.SinkContract;
import dev.fapilog.testing.TestBatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in sink keeps the sink contract of the test kit; the contract catches a sink that does not. */
class SinkContractTest {
    @TempDir
    Path dir;

    /** A built-in sink as its provider makes it from these settings (keys without the fapilog. prefix). */
    private static Sink created(String name, String... keyValues) throws Exception {
        java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            given.put(keyValues[i], keyValues[i + 1]);
        }
        given.put("sinks", name);
        PluginCatalog catalog = PluginCatalog.load();
        var resolved = SettingsResolver.resolve(given, new EnvironmentFacts(false, "local"), catalog);
        assertThat(resolved.problems()).isEmpty();
        PluginProvider<?> provider = catalog.provider(PluginKind.SINK, name);
        var options = dev.fapilog.config.PluginSettings.read(
                PluginKind.SINK,
                name,
                provider.options(),
                resolved.settings().sinkOptions().getOrDefault(name, Map.of()),
                resolved.settings().context(),
                new ArrayList<>());
        return (Sink) provider.create(options);
    }

    @Test
    void fileSink() throws Exception {
        Path out = dir.resolve("contract.jsonl");
        SinkContract.verify(created("file", "sink.file.path", out.toString()), () -> Files.readAllLines(out));
    }

    @Test
    void stdoutSinks() throws Exception {
        for (String name : List.of("stdout-json", "stdout-pretty")) {
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream original = System.out;
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                Sink sink = created(name);
                SinkContract.verify(sink, () -> lines(captured));
            } finally {
                System.setOut(original);
            }
        }
    }

    @Test
    void memorySink() throws Exception {
        MemorySink sink = new MemorySink();
        SinkContract.verify(sink, sink::lines);
    }

    @Test
    void theContractCatchesASinkThatLosesALine() {
        List<String> kept = new ArrayList<>();
        Sink lossy = new Sink() {
            @Override
            public String name() {
                return "lossy";
            }

            @Override
            public void write(SinkBatch batch) {
                for (int i = 0; i < batch.size() - 1; i++) { // the last line of each batch goes missing
                    kept.add(batch.line(i));
                }
            }
        };
        assertThatThrownBy(() -> SinkContract.verify(lossy, () -> kept))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("every line arrives exactly once");
    }

    @Test
    void theKitReadsBackWhatTheFileSinkWrote() throws Exception {
        Path out = dir.resolve("read.jsonl");
        Sink sink = created("file", "sink.file.path", out.toString());
        sink.start(dev.fapilog.support.TestRuntimes.sinkContext("file"));
        sink.write(TestBatch.of("{\"a\":1}", "{\"b\":[true,null]}"));
        sink.stop();
        assertThat(JsonReader.readLines(out)).containsExactly(Map.of("a", 1L), Map.of("b", Arrays.asList(true, null)));
    }

    private static List<String> lines(ByteArrayOutputStream captured) {
        String text = captured.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }
}
