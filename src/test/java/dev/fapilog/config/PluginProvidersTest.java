package dev.fapilog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigProblem;
import dev.fapilog.ConfigurationException;
import dev.fapilog.LogRuntime;
import dev.fapilog.spi.PluginProvider;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Plug-ins declare themselves through providers found by ServiceLoader, the library's own as well as others'. */
class PluginProvidersTest {

    @Test
    void everyBuiltInPlugInComesThroughTheLibrarysOwnServiceFiles() throws IOException {
        PluginCatalog catalog = PluginCatalog.load();
        for (PluginKind kind : PluginKind.values()) {
            List<String> listed = Files.readAllLines(Path.of("src/main/resources/META-INF/services/"
                    + kind.providerType().getName()));
            for (PluginProvider<?> p : catalog.providers(kind).values()) {
                String type = p.getClass().getName();
                if (!type.startsWith("dev.fapilog.config.ThirdParty")) { // the tests' own providers
                    assertThat(listed)
                            .as("the library's services file lists %s", type)
                            .contains(type);
                }
            }
        }
        assertThat(catalog.names(PluginKind.SINK)).contains("stdout-json", "stdout-pretty", "file");
        assertThat(catalog.names(PluginKind.FILTER))
                .contains("level", "sampling", "rate-limit", "adaptive-sampling", "trace-sampling", "first-occurrence");
        assertThat(catalog.names(PluginKind.ENRICHER)).contains("runtime-info", "kubernetes", "trace-context");
        assertThat(catalog.names(PluginKind.REDACTOR))
                .contains(
                        "field-mask",
                        "regex-mask",
                        "url-credentials",
                        "value-scan",
                        "field-blocker",
                        "string-truncate");
        assertThat(catalog.names(PluginKind.PROCESSOR)).contains("size-guard");
        assertThat(catalog.names(PluginKind.SINK)).contains("file", "rotating-file", "http", "webhook", "otlp", "loki");
        assertThat(catalog.isPlanned(PluginKind.SINK, "cloudwatch")).isTrue();
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void aThirdPartyFilterIsUsedByNameWithItsOwnOptions() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder()
                .plugin(sink)
                .filters("drop-marked")
                .setting("filter.drop-marked.field", "secret")
                .buildRuntime();
        rt.logger("t").info("kept", "other", 1);
        rt.logger("t").info("dropped", "secret", 2);
        assertThat(rt.drain(Duration.ofSeconds(5)).filtered()).isEqualTo(1);
        assertThat(sink.lines()).singleElement().asString().contains("\"kept\"");
    }

    @Test
    void itsOptionsAreValidatedWithCodesLikeTheCoreKeys() {
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new MemorySink())
                        .setting("filter.drop-marked.feild", "x")
                        .setting("filter.drop-marked.max-length", "0")
                        .setting("filter.drop-marked.field", "Not Valid")
                        .buildRuntime())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems())
                        .extracting(ConfigProblem::describe)
                        .contains(
                                "FAPILOG-C001 fapilog.filter.drop-marked.feild = 'x': no such setting; did you mean"
                                        + " fapilog.filter.drop-marked.field?",
                                "FAPILOG-C003 fapilog.filter.drop-marked.max-length = '0': an integer from 1 to 1024",
                                "FAPILOG-C002 fapilog.filter.drop-marked.field = 'Not Valid': a top-level data field"
                                        + " name"));
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new MemorySink())
                        .setting("filter.drop-marked.field", "abcdef")
                        .setting("filter.drop-marked.max-length", "3")
                        .buildRuntime())
                .hasMessageContaining(
                        "FAPILOG-C004 fapilog.filter.drop-marked.field = 'abcdef': at most max-length characters");
    }

    @Test
    void itsOptionsMapToEnvironmentVariables() {
        assertThat(SystemSettings.byEnvironmentName())
                .containsEntry("FAPILOG_FILTER_DROP_MARKED_FIELD", "filter.drop-marked.field")
                .containsEntry("FAPILOG_FILTER_RATE_LIMIT_CAPACITY", "filter.rate-limit.capacity");
        SystemSettings read =
                SystemSettings.read(new Properties(), java.util.Map.of("FAPILOG_FILTER_DROP_MARKED_FIELD", "secret"));
        assertThat(read.problems()).isEmpty();
        assertThat(read.settings()).containsEntry("filter.drop-marked.field", "secret");
    }

    @Test
    void aSinkThisBuildLacksIsOneProblemNotTwo() {
        assertThatThrownBy(() -> TestRuntimes.builder().sinks("cloudwatch").buildRuntime())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.code()).isEqualTo("FAPILOG-C005");
                            assertThat(p.describe())
                                    .contains("fapilog.sinks = 'cloudwatch'")
                                    .contains("'cloudwatch' is a fapilog sink not available in this version");
                        }));
    }
}
