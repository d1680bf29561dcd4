package dev.fapilog.bridge.jul;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.DrainResult;
import dev.fapilog.Level;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.support.ChildJvm;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JUL handler: what a record becomes, bad records, loops, and installation from logging.properties. */
class FapilogHandlerTest {
    private RecordingSink sink;
    private LogRuntime runtime;
    private Logger jul;
    private FapilogHandler handler;

    @BeforeEach
    void start() {
        sink = new RecordingSink("rec");
        runtime = TestRuntimes.builder()
                .name("jul")
                .level(Level.TRACE)
                .plugin(sink)
                .buildRuntime();
        handler = new FapilogHandler(runtime);
        jul = Logger.getLogger("com.acme.jul." + System.nanoTime());
        jul.setUseParentHandlers(false);
        jul.setLevel(java.util.logging.Level.ALL);
        jul.addHandler(handler);
    }

    @AfterEach
    void stop() {
        jul.removeHandler(handler);
        runtime.drain(Duration.ofSeconds(5));
    }

    private List<JsonNode> lines() {
        runtime.flush(Duration.ofSeconds(5));
        List<JsonNode> out = new ArrayList<>();
        for (byte[] line : sink.rawLines()) {
            out.add(JsonLines.check(line).get("log"));
        }
        return out;
    }

    @Test
    void levelsMapByValueAndTheRecordKeepsItsLoggerAndOrigin() {
        jul.severe("s");
        jul.warning("w");
        jul.info("i");
        jul.config("c");
        jul.fine("f");
        jul.finer("fr");
        jul.finest("fst");
        jul.log(new java.util.logging.Level("FATAL", 1100) {}, "fatal");
        List<JsonNode> l = lines();
        assertThat(l)
                .extracting(n -> n.get("level").asText())
                .containsExactly("ERROR", "WARNING", "INFO", "DEBUG", "DEBUG", "TRACE", "TRACE", "CRITICAL");
        assertThat(l).allSatisfy(n -> {
            assertThat(n.get("logger").asText()).isEqualTo(jul.getName());
            assertThat(n.at("/diagnostics/origin").asText()).isEqualTo("jul");
            assertThat(n.at("/diagnostics/thread").asText())
                    .isEqualTo(Thread.currentThread().getName());
        });
    }

    @Test
    void parametersBundlesExceptionsAndContextArriveAsANativeEventWould() {
        try (LogContext.Scope s = LogContext.put("correlation_id", "req-9")) {
            jul.log(java.util.logging.Level.INFO, "user {0} paid {1}", new Object[] {"ann", 12});
        }
        LogRecord bundled = new LogRecord(java.util.logging.Level.INFO, "greeting");
        bundled.setResourceBundle(new Bundle());
        bundled.setParameters(new Object[] {"Bob"});
        bundled.setLoggerName(jul.getName());
        jul.log(bundled);
        jul.log(java.util.logging.Level.SEVERE, "failed", new IllegalStateException("boom"));
        jul.log(java.util.logging.Level.INFO, "{0} stays when there are no parameters");
        List<JsonNode> l = lines();
        assertThat(l.get(0).get("message").asText()).isEqualTo("user ann paid 12");
        assertThat(l.get(0).at("/context/correlation_id").asText()).isEqualTo("req-9");
        assertThat(l.get(1).get("message").asText()).isEqualTo("Hello, Bob");
        assertThat(l.get(2).at("/diagnostics/exception/type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(l.get(2).at("/diagnostics/exception/message").asText()).isEqualTo("boom");
        assertThat(l.get(3).get("message").asText()).isEqualTo("{0} stays when there are no parameters");
    }

    @Test
    void sourceClassAndMethodWhenAsked() {
        FapilogHandler withSource = new FapilogHandler(runtime, t -> true, true);
        jul.removeHandler(handler);
        jul.addHandler(withSource);
        try {
            jul.logp(java.util.logging.Level.INFO, "com.acme.Orders", "place", "placed");
        } finally {
            jul.removeHandler(withSource);
        }
        JsonNode n = lines().get(0);
        assertThat(n.at("/data/source_class").asText()).isEqualTo("com.acme.Orders");
        assertThat(n.at("/data/source_method").asText()).isEqualTo("place");
    }

    @Test
    void aJbossStyleRecordGivesItsFormattedMessageMdcNdcAndThread() {
        ExtStyleRecord r = new ExtStyleRecord(java.util.logging.Level.WARNING, "user %s");
        r.setLoggerName("org.hibernate.SQL");
        jul.log(r);
        JsonNode n = lines().get(0);
        assertThat(n.get("message").asText()).isEqualTo("formatted by the record");
        assertThat(n.get("logger").asText()).isEqualTo("org.hibernate.SQL");
        assertThat(n.at("/context/tenant_id").asText()).isEqualTo("acme");
        assertThat(n.at("/data/order").asText()).isEqualTo("o-1");
        assertThat(n.at("/data/ndc").asText()).isEqualTo("outer.inner");
        assertThat(n.at("/diagnostics/thread").asText()).isEqualTo("default task-7");
    }

    @Test
    void badRecordsEachGiveOneValidLineAndNeverThrow() {
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text");
            }
        };
        jul.log(java.util.logging.Level.INFO, (String) null);
        jul.log(java.util.logging.Level.INFO, "param {0}", throwing);
        jul.log(java.util.logging.Level.INFO, "malformed {0", "x");
        jul.log(java.util.logging.Level.INFO, "nulls {0} {1}", new Object[] {null, null});
        LogRecord missingKey = new LogRecord(java.util.logging.Level.INFO, "no-such-key");
        missingKey.setResourceBundle(new Bundle());
        missingKey.setLoggerName(jul.getName());
        jul.log(missingKey);
        handler.publish(new LogRecord(java.util.logging.Level.INFO, "bare")); // no logger name
        handler.publish(null);
        jul.log(java.util.logging.Level.INFO, "control \u0000\u001b\u2028 chars");
        List<JsonNode> l = lines();
        assertThat(l)
                .extracting(n -> n.get("message").asText())
                .containsExactly(
                        "",
                        "param {0}",
                        "malformed {0",
                        "nulls null null",
                        "no-such-key",
                        "bare",
                        "control \u0000\u001b\u2028 chars");
        assertThat(l.get(5).get("logger").asText()).isEqualTo("root");
    }

    @Test
    void recordsOfTheDiagnosticsAndStandardStreamLoggersAndOfPipelineThreadsNeverComeBack() {
        Logger.getLogger("dev.fapilog.diagnostics").addHandler(handler);
        Logger.getLogger("stdout").addHandler(handler);
        try {
            Logger.getLogger("dev.fapilog.diagnostics").info("a diagnostic");
            Logger.getLogger("stdout").info("printed");
        } finally {
            Logger.getLogger("dev.fapilog.diagnostics").removeHandler(handler);
            Logger.getLogger("stdout").removeHandler(handler);
        }
        // A sink whose client library logs through JUL while it writes: the record is not queued again.
        List<String> diagnostics = TestRuntimes.diagnostics();
        LogRuntime looping = TestRuntimes.builder(diagnostics)
                .name("loop")
                .plugin(new JulLoggingSink())
                .buildRuntime();
        Logger client = Logger.getLogger("com.acme.client." + System.nanoTime());
        client.setUseParentHandlers(false);
        client.addHandler(new FapilogHandler(looping));
        JulLoggingSink.client = client;
        client.info("from the application");
        DrainResult r = looping.drain(Duration.ofSeconds(5));
        assertThat(r.stats().delivered()).isEqualTo(1);
        assertThat(r.stats().droppedByReason()).containsEntry("pipeline_thread", 1L);
        assertThat(r.stats().balanced()).isTrue();
        assertThat(lines()).isEmpty();
    }

    @Test
    void aRecordAfterTheDrainIsCountedAsAfterShutdown() {
        jul.info("before");
        DrainResult drained = runtime.drain(Duration.ofSeconds(5));
        jul.info("after");
        assertThat(drained.stats().delivered()).isEqualTo(1);
        assertThat(runtime.stats().droppedByReason()).containsEntry("after_shutdown", 1L);
        assertThat(runtime.stats().balanced()).isTrue();
    }

    @Test
    void theRuntimeThresholdGatesRecordsAndClosingStopsTheHandler() {
        runtime.setLevel(Level.WARNING);
        jul.info("below");
        jul.warning("kept");
        handler.close();
        jul.severe("after close");
        assertThat(lines()).extracting(n -> n.get("message").asText()).containsExactly("kept");
        assertThat(runtime.stats().submitted()).isEqualTo(1);
    }

    @Test
    void installedFromLoggingPropertiesItFeedsTheDefaultRuntime() throws Exception {
        java.nio.file.Path props = java.nio.file.Files.createTempFile("logging", ".properties");
        java.nio.file.Files.writeString(
                props,
                String.join(
                        "\n",
                        "handlers = dev.fapilog.bridge.jul.FapilogHandler",
                        ".level = INFO",
                        "dev.fapilog.bridge.jul.FapilogHandler.level = ALL",
                        "dev.fapilog.bridge.jul.FapilogHandler.source = true",
                        ""));
        ChildJvm.Result r = ChildJvm.run(
                PropertiesMain.class,
                List.of("-Djava.util.logging.config.file=" + props, "-Dfapilog.sinks=stdout-json"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<JsonNode> l = JsonLines.checkAll(r.stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(l).hasSize(1);
        JsonNode n = l.get(0).get("log");
        assertThat(n.get("message").asText()).isEqualTo("from JUL 7");
        assertThat(n.at("/diagnostics/origin").asText()).isEqualTo("jul");
        assertThat(n.at("/data/source_class").asText()).isEqualTo(PropertiesMain.class.getName());
        assertThat(n.at("/data/source_method").asText()).isEqualTo("main");
    }

    /** Logs through JUL with the handler from logging.properties; the default runtime's hook drains at exit. */
    public static final class PropertiesMain {
        public static void main(String[] args) {
            Logger.getLogger("com.acme.props").log(java.util.logging.Level.INFO, "from JUL {0}", 7);
            Logger.getLogger("com.acme.props").fine("below the root level");
        }
    }

    /** Like the JBoss Log Manager's ExtLogRecord: found by method names, never by class. */
    public static final class ExtStyleRecord extends LogRecord {
        ExtStyleRecord(java.util.logging.Level level, String msg) {
            super(level, msg);
        }

        public String getFormattedMessage() {
            return "formatted by the record";
        }

        public Map<String, String> getMdcCopy() {
            Map<String, String> mdc = new LinkedHashMap<>();
            mdc.put("tenant_id", "acme");
            mdc.put("order", "o-1");
            return mdc;
        }

        public String getNdc() {
            return "outer.inner";
        }

        public String getThreadName() {
            return "default task-7";
        }
    }

    /** A resource bundle with one key. */
    public static final class Bundle extends ListResourceBundle {
        @Override
        protected Object[][] getContents() {
            return new Object[][] {{"greeting", "Hello, {0}"}};
        }
    }

    /** A sink whose write logs through JUL, as an HTTP or Kafka client does from its I/O thread. */
    static final class JulLoggingSink implements Sink {
        static volatile Logger client;

        @Override
        public String name() {
            return "jul-logging";
        }

        @Override
        public void write(SinkBatch batch) {
            client.warning("the client library logs while writing");
        }
    }
}
