package dev.fapilog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.cdi.FapilogDrained.Trigger;
import dev.fapilog.support.CdiApp;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.StdStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start (eager or lazy) and the application's end: drained once, late enough for @PreDestroy logs. */
class CdiLifecycleTest {
    @TempDir
    Path dir;

    @BeforeEach
    void clearEvents() {
        LifecycleBeans.EVENTS.clear();
    }

    private Map<String, String> config(String... keyValues) {
        return CdiApp.fileSink(dir.resolve("out.jsonl"), keyValues);
    }

    private List<JsonNode> lines() throws Exception {
        return JsonLines.checkAll(Files.readAllBytes(dir.resolve("out.jsonl")));
    }

    private static long messages(List<JsonNode> lines, String message) {
        return lines.stream()
                .filter(n -> n.get("log").get("message").asText().equals(message))
                .count();
    }

    private static List<FapilogDrained> drained() {
        return LifecycleBeans.EVENTS.stream()
                .filter(FapilogDrained.class::isInstance)
                .map(FapilogDrained.class::cast)
                .toList();
    }

    private static List<FapilogStarted> started() {
        return LifecycleBeans.EVENTS.stream()
                .filter(FapilogStarted.class::isInstance)
                .map(FapilogStarted.class::cast)
                .toList();
    }

    @Test
    void startsEagerlyWhenTheApplicationScopeIsInitialised() {
        String err = StdStreams.captureErr(() -> {
            try (CdiApp app = CdiApp.start(config(), LifecycleBeans.Observers.class)) {
                assertThat(started())
                        .as("started before any logger was injected")
                        .hasSize(1);
            }
        });
        assertThat(err).contains("\"key\":\"started\"").contains("fapilog daemon threads");
        assertThat(err).contains("\"log_level\":");
    }

    @Test
    void startsLazilyAtTheFirstInjectionWhenAsked() {
        try (CdiApp app = CdiApp.start(config("fapilog.cdi.startup", "lazy"), LifecycleBeans.Observers.class)) {
            assertThat(started()).isEmpty();
            app.get(Logger.class).info("first");
            assertThat(started()).hasSize(1);
        }
        assertThat(drained()).hasSize(1);
    }

    @Test
    void aStartObserverMayLog() throws Exception {
        try (CdiApp app = CdiApp.start(config(), LifecycleBeans.LoggingObserver.class)) {
            assertThat(app.get(LogRuntime.class)).isNotNull();
        }
        assertThat(messages(lines(), "observed start")).isEqualTo(1);
    }

    @Test
    void weldSeOrderDrainsOnceAfterEveryPreDestroyAndKeepsTheirEvents() throws Exception {
        String err = StdStreams.captureErr(() -> {
            try (CdiApp app =
                    CdiApp.start(config(), LifecycleBeans.ClosingService.class, LifecycleBeans.Observers.class)) {
                app.get(LifecycleBeans.ClosingService.class).open();
            }
        });
        List<JsonNode> lines = lines();
        assertThat(messages(lines, "service opened")).isEqualTo(1);
        assertThat(messages(lines, "service closing"))
                .as("logged in @PreDestroy")
                .isEqualTo(50);

        assertThat(drained()).hasSize(1);
        FapilogDrained d = drained().get(0);
        assertThat(d.begunBy()).isEqualTo(Trigger.BEFORE_DESTROYED);
        assertThat(d.drainedAt()).isEqualTo(Trigger.BEFORE_SHUTDOWN);
        assertThat(d.result().completedInTime()).isTrue();
        // Every line in the file, which are ours and the container's own, bridged from JUL.
        assertThat(d.result().delivered()).isEqualTo(lines.size());
        assertThat(lines.stream()
                        .filter(n -> n.at("/log/diagnostics/origin").asText().equals("native")))
                .hasSize(51);
        assertThat(d.result().dropped()).isZero();
        assertThat(d.result().pending()).isZero();
        assertThat(occurrences(err, "\"key\":\"drained\""))
                .as("drain result reported once")
                .isEqualTo(1);
        assertThat(occurrences(err, "\"key\":\"lifecycle-drained\"")).isEqualTo(1);
    }

    @Test
    void theOwnerDestroyedAloneDrainsAtItsPreDestroyAndANewRuntimeStartsOnNextUse() throws Exception {
        AtomicReference<LogRuntime> first = new AtomicReference<>();
        try (CdiApp app = CdiApp.start(config(), LifecycleBeans.Observers.class)) {
            first.set(app.get(LogRuntime.class));
            Logger log = app.get(Logger.class);
            log.info("before destroy");
            BeanManager bm = app.container().getBeanManager();
            Bean<?> owner = bm.resolve(bm.getBeans(ApplicationRuntime.class));
            ((AlterableContext) bm.getContext(ApplicationScoped.class)).destroy(owner);

            assertThat(drained()).hasSize(1);
            assertThat(drained().get(0).begunBy()).isEqualTo(Trigger.PRE_DESTROY);
            assertThat(drained().get(0).drainedAt()).isEqualTo(Trigger.PRE_DESTROY);
            assertThat(first.get().isDraining()).isTrue();

            LogRuntime second = app.get(LogRuntime.class);
            assertThat(second).isNotSameAs(first.get());
            app.get(Logger.class).info("after destroy");
        }
        assertThat(started()).hasSize(2);
        assertThat(drained()).as("each runtime drained once").hasSize(2);
        assertThat(drained().get(1).drainedAt()).isEqualTo(Trigger.BEFORE_SHUTDOWN);
        assertThat(messages(lines(), "before destroy")).isEqualTo(1);
        assertThat(messages(lines(), "after destroy")).isEqualTo(1);
    }

    @Test
    void aFailingObserverIsReportedNotThrown() throws Exception {
        String err = StdStreams.captureErr(() -> {
            try (CdiApp app = CdiApp.start(config(), LifecycleBeans.FailingObservers.class)) {
                app.get(Logger.class).info("hello");
            }
        });
        // A throwing observer ends the event's delivery (CDI rules); the start and the drain go on regardless.
        assertThat(err).contains("\"key\":\"lifecycle-drained\"").contains("\"completed_in_time\":true");
        assertThat(err).contains("\"key\":\"event-observer\"").contains("start observer broke");
        assertThat(err).contains("drain observer broke");
        assertThat(messages(lines(), "hello")).isEqualTo(1);
    }

    @Test
    void twoContainersInOneJvmShareNothing() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        String idA;
        String idB;
        try (CdiApp appA = CdiApp.start(Map.of(
                        "fapilog.sinks",
                        "file",
                        "fapilog.sink.file.path",
                        a.toString(),
                        "fapilog.level",
                        "DEBUG",
                        "fapilog.redaction.presets",
                        "none"));
                CdiApp appB = CdiApp.start(Map.of(
                        "fapilog.sinks",
                        "file",
                        "fapilog.sink.file.path",
                        b.toString(),
                        "fapilog.preset",
                        "production"))) {
            idA = appA.container().getId();
            idB = appB.container().getId();
            LogRuntime ra = appA.get(LogRuntime.class);
            LogRuntime rb = appB.get(LogRuntime.class);
            assertThat(ra).isNotSameAs(rb);
            assertThat(ra.level().name()).isEqualTo("DEBUG");
            assertThat(rb.level().name()).isEqualTo("INFO");
            appA.get(Logger.class).debug("from a", "password", "a-secret");
            appB.get(Logger.class).info("from b", "password", "b-secret");
            appA.close();
            assertThat(ra.isDraining()).isTrue();
            assertThat(rb.isDraining())
                    .as("closing one app leaves the other running")
                    .isFalse();
            appB.get(Logger.class).info("b still logs");
        }
        List<JsonNode> linesA = JsonLines.checkAll(Files.readAllBytes(a));
        List<JsonNode> linesB = JsonLines.checkAll(Files.readAllBytes(b));
        // Each app's lines, and each container's own start-up line (bridged from JUL) in its own app only.
        assertThat(linesA)
                .extracting(n -> n.get("log").get("message").asText())
                .containsExactly("WELD-ENV-002003: Weld SE container " + idA + " initialized", "from a");
        assertThat(linesB)
                .extracting(n -> n.get("log").get("message").asText())
                .containsExactly(
                        "WELD-ENV-002003: Weld SE container " + idB + " initialized", "from b", "b still logs");
        assertThat(linesA.get(1).get("log").get("data").get("password").asText())
                .as("app A turned credential masking off")
                .isEqualTo("a-secret");
        assertThat(linesB.get(1).get("log").get("data").get("password").asText())
                .as("production redacts")
                .isEqualTo("***");
    }

    private static int occurrences(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
