package dev.fapilog.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigProblem;
import dev.fapilog.Level;
import dev.fapilog.enrich.TraceParent;
import dev.fapilog.support.CdiApp;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JaxrsSettingsTest {

    @Test
    void defaults() {
        JaxrsSettings s = JaxrsSettings.defaults();
        assertThat(s.enabled()).isTrue();
        assertThat(s.requestIdHeader()).isEqualTo("X-Request-ID");
        assertThat(s.echoRequestId()).isTrue();
        assertThat(s.userIdHeader()).isNull();
        assertThat(s.tenantIdHeader()).isNull();
        assertThat(s.logHeaders()).isFalse();
        assertThat(s.sampleRate()).isEqualTo(1.0);
        assertThat(s.redactedHeaders()).isEqualTo(JaxrsSettings.SENSITIVE_HEADERS);
        assertThat(s.levelFor(200)).isEqualTo(Level.INFO);
        assertThat(s.levelFor(503)).isEqualTo(Level.INFO);
    }

    @Test
    void skipPathsAreGlobs() {
        List<ConfigProblem> problems = new ArrayList<>();
        JaxrsSettings s = JaxrsSettings.parse(
                Map.of("jaxrs.skip-paths", "/health, /metrics/*, /api/*/ping, /static/**, /files/a.b"), problems);
        assertThat(problems).isEmpty();
        assertThat(s.isSkipped("/health")).isTrue();
        assertThat(s.isSkipped("/health/live")).as("exact").isFalse();
        assertThat(s.isSkipped("/metrics/jvm")).isTrue();
        assertThat(s.isSkipped("/metrics/jvm/gc"))
                .as("* stays within a segment")
                .isFalse();
        assertThat(s.isSkipped("/metrics")).isFalse();
        assertThat(s.isSkipped("/api/v1/ping")).isTrue();
        assertThat(s.isSkipped("/api/v1/pong")).isFalse();
        assertThat(s.isSkipped("/static/js/app.js")).as("** crosses segments").isTrue();
        assertThat(s.isSkipped("/files/a.b")).isTrue();
        assertThat(s.isSkipped("/files/aXb"))
                .as("the rest is literal, '.' included")
                .isFalse();
    }

    @Test
    void badValuesAreDeploymentProblemsWithCodes() {
        assertThatThrownBy(() -> CdiApp.start(Map.of(
                        "fapilog.jaxrs.sample-rate", "2",
                        "fapilog.jaxrs.skip-paths", "health",
                        "fapilog.jaxrs.request-id.header", "X Request",
                        "fapilog.jaxrs.level.5xx", "LOUD",
                        "fapilog.jaxrs.sampel-rate", "0.5")))
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("FAPILOG-C003 fapilog.jaxrs.sample-rate = '2': a number from 0.0 to 1.0")
                .hasMessageContaining("FAPILOG-C002 fapilog.jaxrs.skip-paths = 'health'")
                .hasMessageContaining("FAPILOG-C002 fapilog.jaxrs.request-id.header = 'X Request'")
                .hasMessageContaining("FAPILOG-C002 fapilog.jaxrs.level.5xx = 'LOUD'")
                .hasMessageContaining("FAPILOG-C001 fapilog.jaxrs.sampel-rate = '0.5': no such setting; did you mean"
                        + " fapilog.jaxrs.sample-rate?");
    }

    @Test
    void everyKeyIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/reference/configuration.md"));
        for (String key : JaxrsSettings.DEFAULTS.keySet()) {
            assertThat(doc).contains("`fapilog." + key + "`");
        }
    }

    @Test
    void traceparentIsParsedStrictly() {
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo(new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"));
        assertThat(TraceParent.parse("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))
                .as("a later version may add fields")
                .isNotNull();
        for (String bad : List.of(
                "",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero span
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x", // version 00 has no extra fields
                "00-4bf92f3577b34da6a3ce929d0e0e473-600f067aa0ba902b7-01", // misplaced dash
                "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01")) {
            assertThat(TraceParent.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void routesNameParametersWithoutTheirPatterns() {
        assertThat(RequestLogFilter.withoutRegexes("{id}")).isEqualTo("{id}");
        assertThat(RequestLogFilter.withoutRegexes("{id:[0-9]+}")).isEqualTo("{id}");
        assertThat(RequestLogFilter.withoutRegexes("a/{ id : [0-9]{1,9} }/b/{name}"))
                .isEqualTo("a/{id}/b/{name}");
    }

    @Test
    void requestIdsAreAcceptedOnlyWhenSafe() {
        assertThat(RequestIds.accept("abc-123_X.y:z/w+q=")).isEqualTo("abc-123_X.y:z/w+q=");
        assertThat(RequestIds.accept("a".repeat(128))).hasSize(128);
        assertThat(RequestIds.accept("a".repeat(129))).isNull();
        assertThat(RequestIds.accept("")).isNull();
        assertThat(RequestIds.accept("has space")).isNull();
        assertThat(RequestIds.accept("quote\"")).isNull();
        assertThat(RequestIds.accept("new\nline")).isNull();
        assertThat(RequestIds.accept("ünïcode")).isNull();
        assertThat(RequestIds.newId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
