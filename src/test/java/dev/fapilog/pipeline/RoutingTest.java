package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigurationException;
import dev.fapilog.DrainResult;
import dev.fapilog.Fapilog;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.Routing;
import dev.fapilog.SinkStats;
import dev.fapilog.support.ChildJvm;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing by level (catalogue 5.3), with exact accounting per sink. */
class RoutingTest {
    @TempDir
    Path dir;

    private static List<String> messages(RecordingSink sink) {
        return sink.rawLines().stream()
                .map(l -> JsonLines.check(l).path("log").path("message").asText())
                .collect(Collectors.toList());
    }

    private static void logEveryLevel(Logger log) {
        log.debug("debug");
        log.info("info");
        log.warn("warning");
        log.error("error");
        log.critical("critical");
    }

    @Test
    void overlappingRulesSendEachLevelToItsSinksAndCountTheRest() {
        RecordingSink main = new RecordingSink("main");
        RecordingSink errors = new RecordingSink("errors");
        RecordingSink spare = new RecordingSink("spare");
        List<String> diagnostics = TestRuntimes.diagnostics();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .level(Level.DEBUG)
                .plugin(main)
                .plugin(errors)
                .plugin(spare)
                .setting("routing.rules", "ERROR+=errors, INFO|WARNING|ERROR=main")
                .buildRuntime();
        logEveryLevel(rt.logger("r"));
        DrainResult r = rt.drain(Duration.ofSeconds(5));

        assertThat(messages(main)).containsExactly("info", "warning", "error");
        assertThat(messages(errors)).containsExactly("error", "critical");
        assertThat(spare.count()).isZero();
        assertThat(r.droppedByReason()).containsExactlyEntriesOf(Map.of("no_route", 1L)); // debug: no rule
        assertThat(r.delivered()).isEqualTo(4);
        SinkStats m = r.sinks().get("main");
        assertThat(m.delivered()).isEqualTo(3);
        assertThat(m.notRouted()).isEqualTo(1);
        assertThat(r.sinks().get("spare").notRouted()).isEqualTo(4);
        assertThat(r.stats().balanced()).isTrue();
        assertThat(diagnostics).anyMatch(l -> l.contains("sinks_unreached") && l.contains("spare"));
    }

    @Test
    void firstMatchAndFallback() {
        RecordingSink main = new RecordingSink("main");
        RecordingSink errors = new RecordingSink("errors");
        LogRuntime rt = TestRuntimes.builder()
                .level(Level.DEBUG)
                .plugin(main)
                .plugin(errors)
                .setting("routing.rules", "ERROR=errors, ERROR+=main")
                .setting("routing.overlap", "false")
                .setting("routing.fallback", "main")
                .buildRuntime();
        logEveryLevel(rt.logger("r"));
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(messages(errors)).containsExactly("error");
        assertThat(messages(main)).containsExactly("debug", "info", "warning", "critical");
        assertThat(r.dropped()).isZero();
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void routingIsReadableAndReplaceableAtRunTime() {
        RecordingSink main = new RecordingSink("main");
        RecordingSink debug = new RecordingSink("debug-file");
        LogRuntime rt = TestRuntimes.builder()
                .level(Level.DEBUG)
                .plugin(main)
                .plugin(debug)
                .setting("routing.rules", "INFO+=main")
                .buildRuntime();
        Logger log = rt.logger("r");
        assertThat(rt.routing().rules()).extracting(Routing.Rule::toString).containsExactly("INFO+=main");
        log.debug("before");
        rt.flush(Duration.ofSeconds(5));
        Routing investigating = new Routing(Routing.parseRules("DEBUG=debug-file, INFO+=main"), true, List.of());
        rt.setRouting(investigating);
        assertThat(rt.routing()).isEqualTo(investigating);
        log.debug("after");
        rt.flush(Duration.ofSeconds(5)); // routing applies when the worker takes a batch, not at the call
        assertThatThrownBy(() -> rt.setRouting(new Routing(Routing.parseRules("*=nowhere"), true, List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere");
        assertThat(rt.routing()).isEqualTo(investigating);
        rt.setRouting(Routing.ALL);
        log.info("to both");
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(messages(debug)).containsExactly("after", "to both");
        assertThat(messages(main)).containsExactly("to both");
        assertThat(r.droppedByReason()).containsEntry("no_route", 1L);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void anErrorsFileBesideTheMainOneByName() throws Exception {
        Path all = dir.resolve("all.jsonl");
        Path errs = dir.resolve("errors.jsonl");
        LogRuntime rt = TestRuntimes.builder()
                .sinks("file", "errors")
                .setting("sink.file.path", all.toString())
                .setting("sink.errors.type", "file")
                .setting("sink.errors.path", errs.toString())
                .setting("routing.rules", "ERROR+=errors, *=file")
                .buildRuntime();
        Logger log = rt.logger("r");
        for (int i = 0; i < 300; i++) {
            if (i % 3 == 0) {
                log.error("bad", "i", i);
            } else {
                log.info("fine", "i", i);
            }
        }
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(JsonLines.checkAll(Files.readAllBytes(all))).hasSize(300);
        assertThat(JsonLines.checkAll(Files.readAllBytes(errs)))
                .hasSize(100)
                .allMatch(n -> n.path("log").path("level").asText().equals("ERROR"));
        assertThat(r.sinks().get("errors").notRouted()).isEqualTo(200);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void theDeploymentTimeCheckAcceptsRoutesToNamedSinksAndFallbacks() {
        dev.fapilog.boot.RuntimeBuilder b = (dev.fapilog.boot.RuntimeBuilder) TestRuntimes.builder()
                .sinks("file", "errors")
                .setting("sink.file.path", dir.resolve("a.jsonl").toString())
                .setting("sink.errors.type", "file")
                .setting("sink.errors.path", dir.resolve("e.jsonl").toString())
                .setting("sink.errors.fallback", "spare")
                .setting("sink.spare.type", "file")
                .setting("sink.spare.path", dir.resolve("s.jsonl").toString())
                .setting("routing.rules", "ERROR+=errors, *=file");
        assertThat(b.check()).isEmpty(); // the check creates no sink, so named ones must count by name
        assertThat(dir.resolve("a.jsonl")).doesNotExist();
    }

    @Test
    void badRulesFailTheStartNamingTheKey() {
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new RecordingSink("main"))
                        .setting("routing.rules", "LOUD=main")
                        .buildRuntime())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FAPILOG-C002 fapilog.routing.rules = 'LOUD=main'")
                .hasMessageContaining("'LOUD' in 'LOUD=main' is not a level");
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new RecordingSink("main"))
                        .setting("routing.rules", "ERROR=ghost")
                        .buildRuntime())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FAPILOG-C004 fapilog.routing.rules = 'ghost'")
                .hasMessageContaining("sinks of this runtime");
    }

    /** Custom levels are registered before the first event in a JVM, so this runs in one of its own. */
    public static final class CustomLevelRouting {
        public static void main(String[] args) {
            Level notice = Level.register("NOTICE", 25);
            RecordingSink main = new RecordingSink("main");
            RecordingSink pager = new RecordingSink("pager");
            LogRuntime rt = Fapilog.builder()
                    .sinks()
                    .plugin(main)
                    .plugin(pager)
                    .shutdownHook(false)
                    .setting("diagnostics.enabled", "false")
                    .setting("routing.rules", "NOTICE|CRITICAL=pager, *=main")
                    .buildRuntime();
            Logger log = rt.logger("c");
            log.log(notice, "custom");
            log.info("plain");
            log.critical("page");
            DrainResult r = rt.drain(Duration.ofSeconds(5));
            System.out.println("pager=" + messages(pager) + " main=" + messages(main) + " balanced="
                    + r.stats().balanced());
        }
    }

    @Test
    void customLevelsAreRoutedByName() throws Exception {
        ChildJvm.Result r = ChildJvm.run(CustomLevelRouting.class, List.of());
        assertThat(r.stdout()).contains("pager=[custom, page] main=[custom, plain, page] balanced=true");
    }
}
