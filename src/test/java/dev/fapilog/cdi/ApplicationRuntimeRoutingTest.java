package dev.fapilog.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.Fapilog;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.bridge.jul.FapilogHandler;
import dev.fapilog.support.CdiApp;
import dev.fapilog.support.ChildJvm;
import dev.fapilog.support.JsonLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One application, one runtime: {@code Fapilog.getLogger} (static loggers included) and the JUL bridge log into the
 * application's runtime, which holds what arrives before it is launched and is drained at the application's end.
 */
class ApplicationRuntimeRoutingTest {
    @TempDir
    Path dir;

    private List<JsonNode> lines() throws Exception {
        return JsonLines.checkAll(Files.readAllBytes(dir.resolve("out.jsonl")));
    }

    private static List<String> messages(List<JsonNode> lines) {
        return lines.stream().map(n -> n.at("/log/message").asText()).toList();
    }

    /** The application's own lines (Weld's, bridged from JUL, are there too). */
    private List<String> nativeMessages() throws Exception {
        return messages(lines().stream()
                .filter(n -> n.at("/log/diagnostics/origin").asText().equals("native"))
                .toList());
    }

    @Test
    void getLoggerInAnApplicationUsesItsRuntimeAndEventsBeforeTheLaunchWaitForIt() throws Exception {
        AtomicReference<Logger> early = new AtomicReference<>();
        LogRuntime injected;
        try (CdiApp app = CdiApp.start(CdiApp.fileSink(dir.resolve("out.jsonl"), "fapilog.cdi.startup", "lazy"))) {
            app.run(() -> {
                early.set(Fapilog.getLogger("static.Early"));
                early.get().info("logged before the launch");
            });
            assertThat(dev.fapilog.boot.BuiltRuntime.of(early.get().runtime()).isLaunched())
                    .isFalse();
            injected = app.get(LogRuntime.class); // the first injection launches the runtime
            assertThat(early.get().runtime()).isSameAs(injected);
            app.run(() -> assertThat(Fapilog.defaultRuntime()).isSameAs(injected));
            early.get().info("logged after the launch");
        }
        early.get().info("logged after the application ended");
        assertThat(nativeMessages()).containsExactly("logged before the launch", "logged after the launch");
        assertThat(injected.stats().droppedByReason()).containsEntry("after_shutdown", 1L);
        assertThat(injected.stats().balanced()).isTrue();
    }

    @Test
    void whatDoesNotFitTheQueueBeforeTheLaunchIsDroppedAtOnceAndCounted() throws Exception {
        LogRuntime runtime;
        try (CdiApp app = CdiApp.start(CdiApp.fileSink(
                dir.resolve("out.jsonl"),
                "fapilog.cdi.startup",
                "lazy",
                "fapilog.queue.capacity",
                "64",
                "fapilog.batch.max-size",
                "16"))) {
            app.run(() -> {
                Logger early = Fapilog.getLogger("static.Flood");
                for (int i = 0; i < 200; i++) {
                    early.info("early", "i", i); // no worker yet: the queue holds what fits, the rest is dropped
                }
            });
            runtime = app.get(LogRuntime.class);
        }
        long early = nativeMessages().stream().filter("early"::equals).count();
        assertThat(early).isBetween(1L, 64L);
        assertThat(runtime.stats().droppedByReason()).containsEntry("queue_full", 200 - early);
        assertThat(runtime.stats().balanced()).isTrue();
    }

    @Test
    void aLazyApplicationThatNeverInjectsALoggerStillDeliversWhatItsStaticLoggersGaveIt() throws Exception {
        try (CdiApp app = CdiApp.start(CdiApp.fileSink(dir.resolve("out.jsonl"), "fapilog.cdi.startup", "lazy"))) {
            app.run(() -> Fapilog.getLogger("static.Only").warn("only a static logger"));
        }
        assertThat(nativeMessages()).containsExactly("only a static logger");
    }

    @Test
    void julRecordsOfTheApplicationGoThroughItsPipelineAndTheHandlerLeavesWithIt() throws Exception {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        List<Handler> before = Arrays.asList(root.getHandlers());
        try (CdiApp app = CdiApp.start(CdiApp.fileSink(dir.resolve("out.jsonl")))) {
            assertThat(root.getHandlers()).hasAtLeastOneElementOfType(FapilogHandler.class);
            assertThat(root.getHandlers()).noneMatch(h -> h instanceof java.util.logging.ConsoleHandler);
            app.run(() -> java.util.logging.Logger.getLogger("com.acme.library").warning("from a library through JUL"));
        }
        assertThat(Arrays.asList(root.getHandlers())).containsExactlyInAnyOrderElementsOf(before);
        List<JsonNode> jul = lines().stream()
                .filter(n -> n.at("/log/diagnostics/origin").asText().equals("jul"))
                .toList();
        assertThat(messages(jul)).contains("from a library through JUL");
        JsonNode line = jul.stream()
                .filter(n -> n.at("/log/message").asText().equals("from a library through JUL"))
                .findFirst()
                .orElseThrow();
        assertThat(line.at("/log/logger").asText()).isEqualTo("com.acme.library");
        assertThat(line.at("/log/level").asText()).isEqualTo("WARNING");
    }

    @Test
    void julInstallFalseLeavesTheRootLoggerAlone() throws Exception {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        try (CdiApp app =
                CdiApp.start(CdiApp.fileSink(dir.resolve("out.jsonl"), "fapilog.bridge.jul.install", "false"))) {
            assertThat(root.getHandlers()).noneMatch(h -> h instanceof FapilogHandler);
        }
    }

    @Test
    void integrationKeysAsSystemPropertiesNeverBreakAPlainGetLogger() throws Exception {
        ChildJvm.Result r = ChildJvm.run(
                PlainMain.class,
                List.of(
                        "-Dfapilog.jaxrs.skip-paths=/health", "-Dfapilog.cdi.startup=lazy",
                        "-Dfapilog.bridge.jul.install=false", "-Dfapilog.sinks=stdout-json"),
                java.util.Map.of("FAPILOG_JAXRS_ENABLED", "false"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("\"message\":\"plain\"");
    }

    /** A plain Java SE program using the static idiom. */
    public static final class PlainMain {
        private static final Logger LOG = Fapilog.getLogger(PlainMain.class);

        public static void main(String[] args) {
            LOG.info("plain");
        }
    }

    @Test
    void aDeploymentThatFailsLeavesNoHandlerAndNoRegisteredRuntimeBehind() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        List<Handler> before = Arrays.asList(root.getHandlers());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> CdiApp.start(CdiApp.fileSink(dir.resolve("out.jsonl")), Unsatisfied.class))
                .isInstanceOf(jakarta.enterprise.inject.spi.DeploymentException.class);
        assertThat(Arrays.asList(root.getHandlers())).containsExactlyInAnyOrderElementsOf(before);
        assertThat(dev.fapilog.boot.ApplicationRuntimes.current()).isNull();
    }

    @Test
    void inAServerWhoseRootLoggerLooksLikeJavaSeTheRootIsLeftAloneAndDiagnosticsGoToJul() throws Exception {
        // Payara Micro: a plain JDK console handler on the root logger, and the server's home property.
        ChildJvm.Result r = ChildJvm.run(
                ServerLikeMain.class,
                List.of("-Dcom.sun.aas.installRoot=/opt/payara"),
                java.util.Map.of(),
                dir.resolve("out.jsonl").toString());
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("handlers-during=ConsoleHandler").contains("handlers-after=ConsoleHandler");
        assertThat(r.stderr()).as("the reports go through JUL, at INFO").contains("INFO: {\"ts\"");
    }

    /** Starts and stops an application, printing the root logger's handlers while it runs and after. */
    public static final class ServerLikeMain {
        public static void main(String[] args) {
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            try (CdiApp app = CdiApp.start(CdiApp.fileSink(java.nio.file.Path.of(args[0])))) {
                app.get(LogRuntime.class);
                System.out.println("handlers-during=" + names(root));
            }
            System.out.println("handlers-after=" + names(root));
        }

        private static String names(java.util.logging.Logger root) {
            return String.join(
                    ",",
                    Arrays.stream(root.getHandlers())
                            .map(h -> h.getClass().getSimpleName())
                            .toList());
        }
    }

    /** A bean whose dependency nobody provides: the deployment fails at validation. */
    public static class Unsatisfied {
        @jakarta.inject.Inject
        Runnable nobodyProvidesThis;
    }
}
