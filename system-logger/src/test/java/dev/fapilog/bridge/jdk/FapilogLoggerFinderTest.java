package dev.fapilog.bridge.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fapilog.Fapilog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * The finder installed as a user installs it (the jar on the class path): {@code System.getLogger} into the JVM's
 * default runtime, which writes to a file (surefire's system properties) that each test reads back by logger name.
 */
class FapilogLoggerFinderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tells this run's lines apart from an earlier run's in the same file. */
    private static final String RUN = "com.acme.sys.r" + Long.toHexString(System.nanoTime());

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
    void systemGetLoggerIsFapilogsWithLevelsMappedAndTheOriginSet() throws Exception {
        System.Logger log = System.getLogger(RUN + ".levels");
        assertThat(log.getClass().getName()).isEqualTo(FapilogSystemLogger.class.getName());
        assertThat(log.isLoggable(System.Logger.Level.OFF)).isFalse();
        for (System.Logger.Level l : System.Logger.Level.values()) {
            log.log(l, "at " + l);
        }
        List<JsonNode> lines = lines(RUN + ".levels");
        assertThat(lines)
                .extracting(n -> n.get("level").asText())
                .containsExactly("TRACE", "TRACE", "DEBUG", "INFO", "WARNING", "ERROR");
        assertThat(lines).allSatisfy(n -> assertThat(n.at("/diagnostics/origin").asText())
                .isEqualTo("system-logger"));
    }

    @Test
    void parametersBundlesAndExceptions() throws Exception {
        System.Logger log = System.getLogger(RUN + ".format");
        log.log(System.Logger.Level.INFO, "user {0} paid {1}", "ann", 12);
        log.log(System.Logger.Level.ERROR, "failed", new IllegalStateException("boom"));
        log.log(System.Logger.Level.INFO, new Bundle(), "greeting", "Bob");
        log.log(System.Logger.Level.INFO, new Bundle(), "no-such-key", (Object[]) null);
        List<JsonNode> lines = lines(RUN + ".format");
        assertThat(lines)
                .extracting(n -> n.get("message").asText())
                .containsExactly("user ann paid 12", "failed", "Hello, Bob", "no-such-key");
        assertThat(lines.get(1).at("/diagnostics/exception/message").asText()).isEqualTo("boom");
    }

    @Test
    void badInputNeverThrowsAndTheDiagnosticsLoggerIsNeverBridged() throws Exception {
        System.Logger log = System.getLogger(RUN + ".bad");
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text");
            }
        };
        log.log(System.Logger.Level.INFO, (String) null);
        log.log(System.Logger.Level.INFO, "param {0}", throwing);
        log.log(System.Logger.Level.INFO, "malformed {0", "x");
        System.getLogger("dev.fapilog.diagnostics").log(System.Logger.Level.INFO, "a diagnostic line");
        assertThat(lines(RUN + ".bad"))
                .extracting(n -> n.get("message").asText())
                .containsExactly("", "param {0}", "malformed {0");
        assertThat(lines("dev.fapilog.diagnostics")).isEmpty();
    }

    /** A resource bundle with one key. */
    public static final class Bundle extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"greeting", "Hello, {0}"}};
        }
    }
}
