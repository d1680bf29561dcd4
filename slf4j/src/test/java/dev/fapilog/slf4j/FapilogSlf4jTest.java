package dev.fapilog.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fapilog.Fapilog;
import dev.fapilog.LogContext;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The provider as an application uses it: SLF4J's static API into the JVM's default runtime, which writes to a file
 * (surefire's system properties); each test reads back the lines of its own logger.
 */
class FapilogSlf4jTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();
    /** Tells this run's lines apart from an earlier run's in the same file. */
    private static final String RUN = "r" + Long.toHexString(System.nanoTime());

    private static String newLoggerName() {
        return "com.acme.slf4j." + RUN + ".L" + IDS.incrementAndGet();
    }

    /** The lines of one logger, each parsed strictly. */
    private static List<JsonNode> lines(String logger) throws Exception {
        assertThat(Fapilog.defaultRuntime().flush(Duration.ofSeconds(5))).isTrue();
        Path file = Path.of(System.getProperty("fapilog.sink.file.path"));
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line).get("log");
            if (n.get("logger").asText().equals(logger)) {
                out.add(n);
            }
        }
        return out;
    }

    @Test
    void theProviderIsFapilogsAndLevelsMap() throws Exception {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(FapilogLoggerFactory.class);
        String name = newLoggerName();
        org.slf4j.Logger log = LoggerFactory.getLogger(name);
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
        List<JsonNode> l = lines(name);
        assertThat(l)
                .extracting(n -> n.get("level").asText())
                .containsExactly("TRACE", "DEBUG", "INFO", "WARNING", "ERROR");
        assertThat(l).allSatisfy(n -> {
            assertThat(n.at("/diagnostics/origin").asText()).isEqualTo("slf4j");
            assertThat(n.at("/diagnostics/thread").asText())
                    .isEqualTo(Thread.currentThread().getName());
        });
    }

    @Test
    void placeholdersAreFormattedAsSlf4jDoesWithATrailingThrowableAsTheException() throws Exception {
        String name = newLoggerName();
        org.slf4j.Logger log = LoggerFactory.getLogger(name);
        log.info("user {} paid {}", "ann", 12);
        log.error("failed {} times", 3, new IllegalStateException("boom"));
        log.warn("escaped \\{} and {}", "x");
        log.info("{} {} {}", 1, 2); // fewer arguments than placeholders
        List<JsonNode> l = lines(name);
        assertThat(l.get(0).get("message").asText()).isEqualTo("user ann paid 12");
        assertThat(l.get(1).get("message").asText()).isEqualTo("failed 3 times");
        assertThat(l.get(1).at("/diagnostics/exception/type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(l.get(2).get("message").asText()).isEqualTo("escaped {} and x");
        assertThat(l.get(3).get("message").asText()).isEqualTo("1 2 {}");
    }

    @Test
    void keyValuePairsArriveAsTypedFieldsAndMarkersAsTags() throws Exception {
        String name = newLoggerName();
        org.slf4j.Logger log = LoggerFactory.getLogger(name);
        Marker audit = MarkerFactory.getDetachedMarker("AUDIT");
        audit.add(MarkerFactory.getDetachedMarker("PCI"));
        log.atInfo()
                .addKeyValue("amount", 9.5)
                .addKeyValue("count", 3)
                .addKeyValue("ok", true)
                .addKeyValue("user_id", "u-1")
                .addMarker(audit)
                .setCause(new IllegalArgumentException("bad"))
                .log("paid {}", "now");
        log.info(audit, "classic with a marker");
        List<JsonNode> l = lines(name);
        JsonNode fluent = l.get(0);
        assertThat(fluent.get("message").asText()).isEqualTo("paid now");
        assertThat(fluent.at("/data/amount").isDouble()).isTrue();
        assertThat(fluent.at("/data/amount").asDouble()).isEqualTo(9.5);
        assertThat(fluent.at("/data/count").isInt()).isTrue();
        assertThat(fluent.at("/data/ok").isBoolean()).isTrue();
        assertThat(fluent.at("/context/user_id").asText()).isEqualTo("u-1");
        assertThat(fluent.at("/data/tags").toString()).isEqualTo("[\"AUDIT\",\"PCI\"]");
        assertThat(fluent.at("/diagnostics/exception/message").asText()).isEqualTo("bad");
        assertThat(l.get(1).at("/data/tags").toString()).isEqualTo("[\"AUDIT\",\"PCI\"]");
    }

    @Test
    void theMdcIsLogContext() throws Exception {
        String name = newLoggerName();
        org.slf4j.Logger log = LoggerFactory.getLogger(name);
        MDC.put("correlation_id", "req-1");
        MDC.put("tenant_id", "acme");
        MDC.put("region", "eu");
        try {
            assertThat(LogContext.get("region")).isEqualTo("eu");
            assertThat(MDC.getCopyOfContextMap()).containsEntry("tenant_id", "acme");
            log.info("with mdc");
            try (LogContext.Scope s = LogContext.put("request_step", 2)) {
                assertThat(MDC.get("request_step")).isEqualTo("2");
            }
            MDC.remove("region");
            log.info("region removed");
        } finally {
            MDC.clear();
        }
        assertThat(LogContext.snapshot().isEmpty()).isTrue();
        List<JsonNode> l = lines(name);
        assertThat(l.get(0).at("/context/correlation_id").asText()).isEqualTo("req-1");
        assertThat(l.get(0).at("/context/tenant_id").asText()).isEqualTo("acme");
        assertThat(l.get(0).at("/data/region").asText()).isEqualTo("eu");
        assertThat(l.get(1).at("/data/region").isMissingNode()).isTrue();
    }

    @Test
    void badInputNeverThrowsAndEachCallIsOneValidLine() throws Exception {
        String name = newLoggerName();
        org.slf4j.Logger log = LoggerFactory.getLogger(name);
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text");
            }
        };
        log.info(null);
        log.info("bad {}", throwing);
        log.info("unclosed {", "x");
        log.info("nulls {} {}", null, null);
        log.atWarn().addKeyValue(null, "v").addKeyValue("k", throwing).log((String) null);
        log.info("{}", (Object) new Object[] {1, new int[] {2, 3}});
        List<JsonNode> l = lines(name);
        assertThat(l).hasSize(6);
        assertThat(l.get(0).get("message").asText()).isEmpty();
        assertThat(l.get(1).get("message").asText()).contains("bad ").contains("FAILED toString()");
        assertThat(l.get(2).get("message").asText()).isEqualTo("unclosed {");
        assertThat(l.get(3).get("message").asText()).isEqualTo("nulls null null");
        assertThat(l.get(4).at("/data/_invalid_keys").asInt()).isEqualTo(1);
        assertThat(l.get(4).at("/data/k").asText()).contains("toString() threw");
        assertThat(l.get(5).get("message").asText()).isEqualTo("[1, [2, 3]]");
    }

    @Test
    void theLog4jApiAndCommonsLoggingArriveThroughTheirStandardRoutesToSlf4j() throws Exception {
        String log4jName = newLoggerName();
        String jclName = newLoggerName();
        org.apache.logging.log4j.ThreadContext.put("tenant_id", "acme");
        try {
            org.apache.logging.log4j.LogManager.getLogger(log4jName)
                    .warn("log4j api {}", "line", new IllegalStateException("log4j boom"));
        } finally {
            org.apache.logging.log4j.ThreadContext.clearMap();
        }
        org.apache.commons.logging.LogFactory.getLog(jclName).error("commons logging line");
        JsonNode log4j = lines(log4jName).get(0);
        assertThat(log4j.get("message").asText()).isEqualTo("log4j api line");
        assertThat(log4j.get("level").asText()).isEqualTo("WARNING");
        assertThat(log4j.at("/diagnostics/origin").asText()).isEqualTo("slf4j");
        assertThat(log4j.at("/diagnostics/exception/message").asText()).isEqualTo("log4j boom");
        assertThat(log4j.at("/context/tenant_id").asText())
                .as("ThreadContext is the MDC")
                .isEqualTo("acme");
        JsonNode jcl = lines(jclName).get(0);
        assertThat(jcl.get("message").asText()).isEqualTo("commons logging line");
        assertThat(jcl.get("level").asText()).isEqualTo("ERROR");
        assertThat(jcl.at("/diagnostics/origin").asText()).isEqualTo("slf4j");
    }

    @Test
    void besideLogbackSlf4jProviderChoosesAndWithoutItLogbackIsUsedAsBefore() throws Exception {
        Process chosen = child(
                List.of("-Dslf4j.provider=dev.fapilog.slf4j.FapilogServiceProvider", "-Dfapilog.sinks=stdout-json"));
        String out = new String(chosen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(chosen.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chosen.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(chosen.exitValue()).as(err).isZero();
        assertThat(out).contains("\"origin\":\"slf4j\"").contains("\"message\":\"hello from slf4j\"");

        Process logback = child(List.of(
                "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider", "-Dfapilog.sinks=stdout-json"));
        String lbOut = new String(logback.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        logback.getErrorStream().readAllBytes();
        assertThat(logback.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(lbOut).contains("hello from slf4j").doesNotContain("\"origin\":\"slf4j\"");
    }

    private static Process child(List<String> jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ChildMain.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("FAPILOG_"));
        return pb.start();
    }

    /** One SLF4J call, then the default runtime's hook drains it at exit. */
    public static final class ChildMain {
        public static void main(String[] args) {
            LoggerFactory.getLogger("child").info("hello from slf4j");
        }
    }
}
