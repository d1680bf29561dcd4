package dev.fapilog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fapilog.ConfigurationException;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.boot.BuiltRuntime;
import dev.fapilog.config.PluginCatalog;
import dev.fapilog.config.Settings;
import dev.fapilog.config.SettingsResolver;
import dev.fapilog.support.CdiApp;
import dev.fapilog.support.ChildJvm;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MicroProfile Config as the source of every setting: precedence, overrides, and deployment problems. */
class CdiConfigurationTest {
    @TempDir
    Path dir;

    private Map<String, String> config(String... keyValues) {
        return CdiApp.fileSink(dir.resolve("out.jsonl"), keyValues);
    }

    private static Settings settingsOf(CdiApp app) {
        return BuiltRuntime.of(app.get(LogRuntime.class)).settings();
    }

    @Test
    void explicitKeyBeatsPresetBeatsDefault() {
        try (CdiApp app = CdiApp.start(config("fapilog.preset", "production", "fapilog.batch.max-size", "7"))) {
            Settings s = settingsOf(app);
            assertThat(s.preset().id()).isEqualTo("production");
            assertThat(s.engine().batchMaxSize()).isEqualTo(7);
            assertThat(s.sourceOf("batch.max-size")).isEqualTo(Settings.Source.EXPLICIT);
            assertThat(s.engine().level()).isEqualTo(Level.INFO);
            assertThat(s.sourceOf("level")).isEqualTo(Settings.Source.PRESET);
            assertThat(s.redactionPresets()).containsExactly("CREDENTIALS");
            assertThat(s.sourceOf("encoder.max-depth")).isEqualTo(Settings.Source.DEFAULT);
            assertThat(s.engine().limits().maxDepth())
                    .isEqualTo(Integer.parseInt(SettingsResolver.defaultOf("encoder.max-depth", PluginCatalog.load())
                            .orElseThrow()));
            assertThat(s.engine().shutdownHook())
                    .as("the container drains, not a JVM hook")
                    .isFalse();
        }
    }

    @Test
    void aSystemPropertyOverridesTheApplicationsFile() {
        System.setProperty("fapilog.level", "WARNING");
        try (CdiApp app = CdiApp.start(config("fapilog.preset", "production", "fapilog.level", "DEBUG"))) {
            assertThat(settingsOf(app).engine().level()).isEqualTo(Level.WARNING);
        } finally {
            System.clearProperty("fapilog.level");
        }
    }

    @Test
    void environmentVariablesOverrideTheFileTheMicroProfileWay() throws Exception {
        Path out = dir.resolve("env.jsonl");
        ChildJvm.Result r = ChildJvm.run(
                SettingsMain.class,
                List.of(),
                Map.of(
                        "FAPILOG_LEVEL",
                        "ERROR",
                        "FAPILOG_QUEUE_CAPACITY",
                        "4321",
                        "FAPILOG_SINK_FILE_PATH",
                        out.toString()),
                "fapilog.preset=production",
                "fapilog.level=DEBUG",
                "fapilog.sinks=file",
                "fapilog.sink.file.path=/nonexistent/overridden-by-env.jsonl");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("level=ERROR").contains("queue=4321").contains("file=" + out);
    }

    @Test
    void anUnknownEnvironmentVariableIsADeploymentProblem() throws Exception {
        ChildJvm.Result r = ChildJvm.run(SettingsMain.class, List.of(), Map.of("FAPILOG_QUEUE_CAPASITY", "10"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout())
                .contains("FAPILOG-C001 environment variable FAPILOG_QUEUE_CAPASITY = '10'")
                .doesNotContain("fapilog.queue.capasity")
                .contains("did you mean FAPILOG_QUEUE_CAPACITY?");
    }

    @Test
    void everyProblemIsReportedTogetherAsOneDeploymentProblemWithItsCode() {
        Map<String, String> bad = config(
                "fapilog.queue.capasity", "10", // C001, with a hint
                "fapilog.level", "LOUD", // C002
                "fapilog.batch.timeout", "0s", // C003
                "fapilog.shutdown.hook", "true", // C004 in a container
                "fapilog.enrichers", "runtime-info,weather", // C005
                "fapilog.sink.file.colour", "blue", // C007
                "fapilog.redaction.patterns", "data.(unclosed", // C009
                "fapilog.cdi.startup", "sometimes", // C002 of the integration
                "fapilog.cdi.statup", "lazy"); // C001 of the integration, with a hint
        assertThatThrownBy(() -> CdiApp.start(bad))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("Invalid fapilog configuration (9 problems)")
                .hasMessageContaining("FAPILOG-C001 fapilog.queue.capasity = '10': no such setting; did you mean"
                        + " fapilog.queue.capacity?")
                .hasMessageContaining("FAPILOG-C002 fapilog.level = 'LOUD'")
                .hasMessageContaining("FAPILOG-C003 fapilog.batch.timeout = '0s'")
                .hasMessageContaining("FAPILOG-C004 fapilog.shutdown.hook = 'true'")
                .hasMessageContaining("FAPILOG-C005 fapilog.enrichers = 'weather'")
                .hasMessageContaining("FAPILOG-C007 fapilog.sink.file.colour = 'blue'")
                .hasMessageContaining("FAPILOG-C009 fapilog.redaction.patterns = 'data.(unclosed'")
                .hasMessageContaining("FAPILOG-C002 fapilog.cdi.startup = 'sometimes': one of eager, lazy")
                .hasMessageContaining("FAPILOG-C001 fapilog.cdi.statup = 'lazy': no such setting; did you mean"
                        + " fapilog.cdi.startup?")
                .rootCause()
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void everyIntegrationKeyIsDocumented() throws Exception {
        String doc = java.nio.file.Files.readString(Path.of("docs/reference/configuration.md"));
        for (String key : CdiSettings.DEFAULTS.keySet()) {
            assertThat(doc).contains("`fapilog." + key + "`");
        }
    }

    @Test
    void theHardenedPresetDeploysWithItsRotatingFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (CdiApp app = CdiApp.start(
                Map.of("fapilog.preset", "hardened", "fapilog.sink.rotating-file.directory", dir.toString()))) {
            Settings s = settingsOf(app);
            assertThat(s.sinks()).containsExactly("stdout-json", "rotating-file");
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("fapilog-"));
        }
    }

    @Test
    void aSinkThatCannotBeCreatedFailsTheEagerStart() {
        // Only creating the sink can tell that its required path is missing: that is reported when the application
        // scope starts, which still fails the deployment.
        Throwable failure = catchThrowable(() -> CdiApp.start(Map.of("fapilog.sinks", "file")));
        assertThat(failure).isNotNull();
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertThat(root)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FAPILOG-C008 fapilog.sinks = 'file'")
                .hasMessageContaining("fapilog.sink.file.path is required");
    }

    /** Starts a CDI app configured by its arguments (key=value lines) and prints the resolved settings. */
    public static final class SettingsMain {
        public static void main(String[] args) {
            Map<String, String> config = new HashMap<>();
            for (String a : args) {
                int eq = a.indexOf('=');
                config.put(a.substring(0, eq), a.substring(eq + 1));
            }
            try (CdiApp app = CdiApp.start(config)) {
                Settings s = settingsOf(app);
                System.out.println(
                        "level=" + s.engine().level() + " queue=" + s.engine().queueCapacity() + " file="
                                + s.sinkOptions().getOrDefault("file", Map.of()).get("path"));
            } catch (DeploymentException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
