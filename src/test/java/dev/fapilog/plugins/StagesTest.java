package dev.fapilog.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.EventView;
import dev.fapilog.spi.Filter;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.Processor;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.Section;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StagesTest {
    private final List<String> order = new CopyOnWriteArrayList<>();

    private Filter filter(String name, boolean keep) {
        return new Filter() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean accept(EventView e) {
                order.add(name + ":" + Thread.currentThread().getName());
                return keep || !e.message().equals("drop me");
            }
        };
    }

    @Test
    void stagesRunInOrderOnTheWorkerThenEncodeOnce() {
        MemorySink sink = new MemorySink();
        Enricher enricher = new Enricher() {
            @Override
            public String name() {
                return "enricher";
            }

            @Override
            public void enrich(MutableEvent e) {
                order.add("enricher");
                e.put(Section.DATA, "enriched", "yes");
                e.put(Section.CONTEXT, "message_id", "forged"); // reserved: ignored
            }
        };
        Redactor redactor = new Redactor() {
            @Override
            public String name() {
                return "redactor";
            }

            @Override
            public void redact(MutableEvent e) {
                order.add("redactor saw " + e.get(Section.DATA, "enriched"));
                e.remove(Section.DATA, "secret");
            }
        };
        Processor processor = new Processor() {
            @Override
            public String name() {
                return "processor";
            }

            @Override
            public boolean process(MutableEvent e) {
                order.add("processor");
                e.setMessage(e.message().toUpperCase());
                return !e.message().equals("DISCARD");
            }
        };
        LogRuntime rt = TestRuntimes.builder()
                .plugin(sink)
                .plugin(filter("filter", false))
                .plugin(enricher)
                .plugin(redactor)
                .plugin(processor)
                .buildRuntime();
        Logger log = rt.logger("s");
        log.info("hello", "secret", "x");
        log.info("drop me");
        log.info("discard");
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(order.get(0)).startsWith("filter:fapilog-").endsWith("-worker");
        assertThat(order.subList(1, 4)).containsExactly("enricher", "redactor saw yes", "processor");
        assertThat(sink.lines()).singleElement().satisfies(l -> {
            assertThat(l)
                    .contains("\"message\":\"HELLO\"", "\"enriched\":\"yes\"")
                    .doesNotContain("secret", "forged");
        });
        assertThat(r.filtered()).isEqualTo(1);
        assertThat(r.droppedByReason()).containsEntry("processor", 1L);
        assertThat(r.stats().balanced()).isTrue();
    }

    private static final class ThrowingRedactor implements Redactor {
        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public void redact(MutableEvent e) {
            throw new IllegalStateException("redactor bug");
        }
    }

    @Test
    void throwingStagesNeverLoseTheEventSilently() {
        List<String> diagnostics = TestRuntimes.diagnostics();
        MemorySink sink = new MemorySink();
        Filter badFilter = new Filter() {
            @Override
            public String name() {
                return "bad-filter";
            }

            @Override
            public boolean accept(EventView e) {
                throw new IllegalStateException("filter bug");
            }
        };
        Enricher badEnricher = new Enricher() {
            @Override
            public String name() {
                return "bad-enricher";
            }

            @Override
            public void enrich(MutableEvent e) {
                e.put(Section.DATA, "partial", true);
                throw new StackOverflowError();
            }
        };
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .plugin(sink)
                .plugin(badFilter)
                .plugin(badEnricher)
                .plugin(new ThrowingRedactor())
                .buildRuntime();
        rt.logger("s").info("survives");
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(sink.lines()).singleElement().satisfies(l -> assertThat(l).contains("\"partial\":true"));
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(diagnostics)
                .anyMatch(l -> l.contains("bad-filter"))
                .anyMatch(l -> l.contains("bad-enricher"))
                .anyMatch(l -> l.contains("\"plugin\":\"throwing\""));
    }

    @Test
    void failClosedDropsAndCountsOpenStaysQuiet() {
        List<String> diagnostics = TestRuntimes.diagnostics();
        MemorySink closedSink = new MemorySink();
        LogRuntime closed = TestRuntimes.builder(diagnostics)
                .setting("redaction.fail-mode", "closed")
                .plugin(closedSink)
                .plugin(new ThrowingRedactor())
                .buildRuntime();
        closed.logger("s").info("must not leak", "card", "4111111111111111");
        DrainResult r = closed.drain(Duration.ofSeconds(5));
        assertThat(closedSink.lines()).isEmpty();
        assertThat(r.droppedByReason()).containsEntry("redaction_failed", 1L);
        assertThat(r.stats().balanced()).isTrue();
        assertThat(diagnostics).anyMatch(l -> l.contains("redaction.fail-mode=closed"));

        List<String> quiet = TestRuntimes.diagnostics();
        MemorySink openSink = new MemorySink();
        LogRuntime open = TestRuntimes.builder(quiet)
                .setting("redaction.fail-mode", "open")
                .plugin(openSink)
                .plugin(new ThrowingRedactor())
                .buildRuntime();
        open.logger("s").info("goes on");
        open.drain(Duration.ofSeconds(5));
        assertThat(openSink.lines()).hasSize(1);
        assertThat(quiet).noneMatch(l -> l.contains("\"component\":\"redactor\""));
    }

    @Test
    void aStageWhoseStartFailsIsLeftOut() {
        List<String> diagnostics = TestRuntimes.diagnostics();
        MemorySink sink = new MemorySink();
        Enricher broken = new Enricher() {
            @Override
            public String name() {
                return "never-started";
            }

            @Override
            public void start(dev.fapilog.spi.PluginContext c) {
                throw new IllegalStateException("no");
            }

            @Override
            public void enrich(MutableEvent e) {
                e.put(Section.DATA, "should", "not appear");
            }
        };
        LogRuntime rt =
                TestRuntimes.builder(diagnostics).plugin(sink).plugin(broken).buildRuntime();
        rt.logger("s").info("x");
        rt.drain(Duration.ofSeconds(5));
        assertThat(sink.lines().get(0)).doesNotContain("should");
        assertThat(diagnostics).anyMatch(l -> l.contains("start_failed") && l.contains("never-started"));
    }
}
