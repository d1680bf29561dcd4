package dev.fapilog.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.ConfigurationException;
import dev.fapilog.Fapilog;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.Preset;
import dev.fapilog.boot.BuiltRuntime;
import dev.fapilog.boot.RuntimeBuilder;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.StdStreams;
import dev.fapilog.testing.MemorySink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PresetTest {

    private static LogRuntime build(Preset preset, MemorySink sink, EnvironmentFacts env) {
        RuntimeBuilder b = (RuntimeBuilder) Fapilog.builder()
                .preset(preset)
                .shutdownHook(false)
                .plugin(sink)
                .diagnosticsListener(l -> {});
        b.environment(env);
        return b.buildRuntime();
    }

    private static Settings settings(LogRuntime rt) {
        return BuiltRuntime.of(rt).settings();
    }

    @Test
    void presetsAreDataWithTheDocumentedValues() {
        assertThat(PresetSettings.of(Preset.DEV))
                .containsEntry("level", "DEBUG")
                .containsEntry("batch.max-size", "1")
                .containsEntry("sinks", "stdout-pretty")
                .doesNotContainKeys("redactors", "redaction.presets"); // the defaults: credentials masked
        assertThat(PresetSettings.of(Preset.PRODUCTION))
                .containsEntry("backpressure.policy", "wait")
                .containsEntry("shutdown.timeout", "25s")
                .containsEntry("redaction.presets", "CREDENTIALS")
                .containsEntry("sinks", "stdout-json");
        assertThat(PresetSettings.of(Preset.SERVERLESS))
                .containsEntry("batch.max-size", "25")
                .containsEntry("backpressure.policy", "drop");
        assertThat(PresetSettings.of(Preset.HARDENED))
                .containsEntry("redaction.fail-mode", "closed")
                .containsEntry("sinks", "stdout-json,rotating-file");
        assertThat(PresetSettings.of(Preset.MINIMAL))
                .containsExactlyInAnyOrderEntriesOf(Map.of("redactors", "none", "redaction.presets", "none"));
    }

    @Test
    void productionRedactsCredentialsAndWaitsBoundedly() {
        MemorySink sink = new MemorySink();
        String stdout = StdStreams.captureOut(() -> {
            LogRuntime rt = build(Preset.PRODUCTION, sink, new EnvironmentFacts(false, "local"));
            Settings s = settings(rt);
            assertThat(s.engine().backpressurePolicy()).isEqualTo(BackpressurePolicy.WAIT);
            assertThat(s.engine().level()).isEqualTo(Level.INFO);
            rt.logger("prod")
                    .info(
                            "Signing in",
                            "user",
                            "ann",
                            "password",
                            "hunter2",
                            "api_key",
                            "k-123",
                            "authToken",
                            "t",
                            "nested",
                            java.util.Map.of("client_secret", "s3"),
                            "dsn",
                            "postgres://app:pw@db/x");
            assertThat(rt.drain(Duration.ofSeconds(5)).delivered()).isEqualTo(1);
        });
        String line = sink.lines().get(0);
        JsonLines.checkText(line);
        assertThat(line)
                .doesNotContain("hunter2", "k-123", "\"t\"", "s3", ":pw@")
                .contains("\"user\":\"ann\"");
        assertThat(sink.events().get(0).toString()).contains("password=***");
        assertThat(stdout)
                .as("production writes JSON lines to stdout")
                .contains("\"message\":\"Signing in\"")
                .doesNotContain("hunter2");
    }

    @Test
    void devIsReadableAndStillMasksCredentials() {
        MemorySink sink = new MemorySink();
        String out = StdStreams.captureOut(() -> {
            LogRuntime rt = build(Preset.DEV, sink, new EnvironmentFacts(false, "local"));
            assertThat(settings(rt).engine().level()).isEqualTo(Level.DEBUG);
            rt.logger("dev").debug("hello", "password", "hunter2", "user", "ann");
            rt.drain(Duration.ofSeconds(5));
        });
        assertThat(out)
                .contains("DEBUG", "dev | hello | password=*** user=ann")
                .doesNotContain("hunter2")
                .doesNotContain("\u001b[");
    }

    @Test
    void withoutAPresetCredentialsAreMaskedAndTurningThatOffIsExplicitAndReported() {
        List<String> diagnostics = new java.util.concurrent.CopyOnWriteArrayList<>();
        MemorySink masked = new MemorySink();
        RuntimeBuilder b = (RuntimeBuilder)
                Fapilog.builder().sinks().plugin(masked).shutdownHook(false).diagnosticsListener(diagnostics::add);
        b.environment(new EnvironmentFacts(false, "local"));
        LogRuntime rt = b.buildRuntime();
        rt.logger("d").info("login", "password", "hunter2", "api_key", "k-1", "db", "postgres://u:pw@h/x");
        rt.drain(Duration.ofSeconds(5));
        assertThat(masked.lines().get(0))
                .doesNotContain("hunter2", "k-1", "pw@")
                .contains("\"password\":\"***\"");
        assertThat(diagnostics).noneMatch(l -> l.contains("redaction_off") || l.contains("credentials_masking_off"));

        for (String[] off : new String[][] {{"redaction.presets", "none"}, {"redactors", "none"}}) {
            List<String> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
            MemorySink clear = new MemorySink();
            RuntimeBuilder c = (RuntimeBuilder) Fapilog.builder()
                    .sinks()
                    .plugin(clear)
                    .setting(off[0], off[1])
                    .shutdownHook(false)
                    .diagnosticsListener(reported::add);
            c.environment(new EnvironmentFacts(false, "local"));
            LogRuntime r = c.buildRuntime();
            r.logger("d").info("login", "password", "hunter2");
            r.drain(Duration.ofSeconds(5));
            assertThat(clear.lines().get(0)).contains("hunter2");
            assertThat(reported)
                    .as(off[0] + "=none is reported")
                    .anyMatch(l -> l.contains("redaction_off") || l.contains("credentials_masking_off"));
        }
    }

    @Test
    void serverlessAndMinimal() {
        MemorySink sink = new MemorySink();
        LogRuntime serverless = build(Preset.SERVERLESS, sink, new EnvironmentFacts(false, "lambda"));
        assertThat(settings(serverless).engine().batchMaxSize()).isEqualTo(25);
        serverless.logger("s").info("x", "token", "abc");
        serverless.drain(Duration.ofSeconds(5));
        assertThat(sink.lines().get(0)).contains("\"token\":\"***\"");

        MemorySink sink2 = new MemorySink();
        LogRuntime minimal = build(Preset.MINIMAL, sink2, new EnvironmentFacts(false, "local"));
        assertThat(settings(minimal).plugins(PluginKind.REDACTOR)).isEmpty();
        minimal.logger("m").info("x", "dsn", "postgres://u:p@h/db");
        minimal.drain(Duration.ofSeconds(5));
        assertThat(sink2.lines().get(0)).contains("postgres://u:p@h/db");
    }

    @Test
    void hardenedStartsWithARotatingFileBesideStdout(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        MemorySink sink = new MemorySink();
        RuntimeBuilder b = (RuntimeBuilder) Fapilog.builder()
                .preset(Preset.HARDENED)
                .shutdownHook(false)
                .plugin(sink)
                .setting("sink.rotating-file.directory", dir.toString())
                .diagnosticsListener(l -> {});
        b.environment(new EnvironmentFacts(false, "local"));
        String out = dev.fapilog.support.StdStreams.captureOut(() -> {
            LogRuntime rt = b.buildRuntime();
            rt.logger("h").info("kept", "password", "hunter2");
            assertThat(rt.drain(Duration.ofSeconds(5)).delivered()).isEqualTo(1);
        });
        assertThat(out).contains("\"kept\"").doesNotContain("hunter2");
        try (var files = java.nio.file.Files.list(dir)) {
            Path file = files.filter(p -> p.getFileName().toString().matches("fapilog-\\d{8}-\\d{6}\\.jsonl"))
                    .findFirst()
                    .orElseThrow();
            assertThat(java.nio.file.Files.readString(file))
                    .contains("\"kept\"")
                    .doesNotContain("hunter2");
            assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    /** Run in a child JVM whose working directory is read-only, so the default {@code logs} directory cannot be made. */
    public static final class HardenedInReadOnlyDirectory {
        public static void main(String[] args) {
            try {
                Fapilog.builder().preset(Preset.HARDENED).shutdownHook(false).buildRuntime();
                System.out.println("started");
            } catch (ConfigurationException e) {
                System.out.println(e.getMessage());
            }
        }
    }

    @Test
    void hardenedNeedsADirectoryOnlyWhenTheDefaultIsNotWritable(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        try (dev.fapilog.support.Tmpfs ro = dev.fapilog.support.Tmpfs.mount(dir.resolve("ro"), "64k", true)) {
            dev.fapilog.support.ChildJvm.Result r =
                    dev.fapilog.support.ChildJvm.run(HardenedInReadOnlyDirectory.class, List.of(), Map.of(), ro.path());
            assertThat(r.stdout())
                    .contains("FAPILOG-C008")
                    .contains("fapilog.sink.rotating-file.directory")
                    .contains("not writable")
                    .doesNotContain("started");
        }
    }

    @Test
    void hardenedStaysFailClosedWhenItsListsAreOverridden() {
        MemorySink sink = new MemorySink();
        RuntimeBuilder b = (RuntimeBuilder) Fapilog.builder()
                .preset(Preset.HARDENED)
                .sinks()
                .setting("redactors", "field-mask,regex-mask,url-credentials")
                .setting("redaction.presets", "CREDENTIALS")
                .shutdownHook(false)
                .plugin(sink);
        b.environment(new EnvironmentFacts(false, "local"));
        LogRuntime rt = b.buildRuntime();
        assertThat(settings(rt).engine().redactionFailMode()).isEqualTo(RedactionFailMode.CLOSED);
        rt.drain(Duration.ofSeconds(1));
    }
}
