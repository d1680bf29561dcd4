package dev.fapilog.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fapilog.ConfigurationException;
import dev.fapilog.DrainResult;
import dev.fapilog.FilterStats;
import dev.fapilog.Level;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.spi.Section;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import dev.fapilog.testing.TestEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in filters: through the runtime and its settings, and with chosen event times where time matters. */
class FilterTest {

    private static LogRuntime runtime(MemorySink sink, String... settings) {
        var b = TestRuntimes.builder().plugin(sink);
        for (int i = 0; i < settings.length; i += 2) {
            b.setting(settings[i], settings[i + 1]);
        }
        return b.buildRuntime();
    }

    private static List<String> messages(MemorySink sink) {
        List<String> out = new ArrayList<>();
        sink.events().forEach(e -> out.add((String) e.get("message")));
        return out;
    }

    @Test
    void levelFilterAppliesPerLoggerThresholdsLongestPrefixFirst() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = runtime(
                sink,
                "level",
                "DEBUG",
                "filters",
                "level",
                "filter.level.loggers",
                "com.acme=INFO,com.acme.noisy=ERROR");
        rt.logger("com.acme.noisy.Poller").warn("noisy warning");
        rt.logger("com.acme.noisy.Poller").error("noisy error");
        rt.logger("com.acme.Orders").debug("orders debug");
        rt.logger("com.acme.Orders").info("orders info");
        rt.logger("com.acmex.Other").debug("other debug");
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(messages(sink)).containsExactly("noisy error", "orders info", "other debug");
        assertThat(rt.filterStats()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("level");
            assertThat(s.filtered()).isEqualTo(2);
        });
        assertThat(r.filtered()).isEqualTo(2);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void seededSamplingMakesTheSameDecisionsRunAfterRun() {
        List<List<String>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            MemorySink sink = new MemorySink("memory", 10_000);
            LogRuntime rt = runtime(sink, "filters", "sampling", "filter.sampling.rate", "0.3", "filter.seed", "42");
            Logger log = rt.logger("s");
            for (int i = 0; i < 1000; i++) {
                log.info("event " + i);
            }
            rt.drain(Duration.ofSeconds(5));
            assertThat(rt.filterStats().get(0).currentSampleRate()).isEqualTo(0.3);
            runs.add(messages(sink));
        }
        assertThat(runs.get(0)).isEqualTo(runs.get(1));
        assertThat(runs.get(0).size()).isBetween(230, 370); // 1000 x 0.3, far from 0 and from all
    }

    @Test
    void samplingAtZeroKeepsNothingAndCountsEverythingAsFiltered() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = runtime(sink, "filters", "sampling", "filter.sampling.rate", "0");
        for (int i = 0; i < 10; i++) {
            rt.logger("s").error("even errors");
        }
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(sink.lines()).isEmpty();
        assertThat(r.filtered()).isEqualTo(10);
    }

    @Test
    void rateLimitKeepsABurstPerKeyAndTracksTheKeys() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = runtime(
                sink,
                "filters",
                "rate-limit",
                "filter.rate-limit.capacity",
                "3",
                "filter.rate-limit.refill-per-second",
                "0",
                "filter.rate-limit.key-field",
                "user_id");
        Logger log = rt.logger("s");
        for (int i = 0; i < 10; i++) {
            log.info("a" + i, "user_id", "alice");
            log.info("b" + i, "user_id", "bob");
        }
        DrainResult r = rt.drain(Duration.ofSeconds(5));
        assertThat(messages(sink)).containsExactly("a0", "b0", "a1", "b1", "a2", "b2");
        FilterStats s = rt.filterStats().get(0);
        assertThat(s.trackedKeys()).isEqualTo(2);
        assertThat(s.filtered()).isEqualTo(14);
        assertThat(r.stats().balanced()).isTrue();
    }

    @Test
    void rateLimitMarkKeepsEventsOverTheLimitMarked() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = runtime(
                sink,
                "filters",
                "rate-limit",
                "filter.rate-limit.capacity",
                "2",
                "filter.rate-limit.refill-per-second",
                "0",
                "filter.rate-limit.overflow-action",
                "mark");
        for (int i = 0; i < 4; i++) {
            rt.logger("s").info("m" + i);
        }
        rt.drain(Duration.ofSeconds(5));
        List<Map<String, Object>> events = sink.events();
        assertThat(events).hasSize(4);
        List<Object> marks = new ArrayList<>();
        events.forEach(e -> marks.add(((Map<?, ?>) e.get("data")).get("rate_limited")));
        assertThat(marks).containsExactly(null, null, true, true);
    }

    @Test
    void rateLimitRefillsWithEventTimeAndForgetsTheLeastRecentlyUsedKey() {
        RateLimitFilter f = new RateLimitFilter(2, 1.0, "user_id", 2, false);
        assertThat(f.accept(TestEvent.at(100, "x").with(Section.DATA, "user_id", "a")))
                .isTrue();
        assertThat(f.accept(TestEvent.at(100, "x").with(Section.DATA, "user_id", "a")))
                .isTrue();
        assertThat(f.accept(TestEvent.at(100.5, "x").with(Section.DATA, "user_id", "a")))
                .isFalse();
        assertThat(f.accept(TestEvent.at(101.1, "x").with(Section.DATA, "user_id", "a")))
                .as("one token back after a second")
                .isTrue();
        assertThat(f.accept(TestEvent.at(101.2, "x").with(Section.DATA, "user_id", "a")))
                .isFalse();
        f.accept(TestEvent.at(102, "x").with(Section.DATA, "user_id", "b"));
        f.accept(TestEvent.at(102, "x").with(Section.DATA, "user_id", "c"));
        assertThat(f.trackedKeyCount()).isEqualTo(2);
        assertThat(f.accept(TestEvent.at(102, "x")))
                .as("no key field: the global bucket")
                .isTrue();
    }

    @Test
    void adaptiveSamplingConvergesToTheTargetAndNeverSamplesProtectedLevels() {
        AdaptiveSamplingFilter f =
                new AdaptiveSamplingFilter(100, Duration.ofSeconds(5), 0.5, 0.001, 1.0, Set.of(Level.ERROR), 7L);
        int keptInLastSecond = 0;
        int errorsKept = 0;
        for (int second = 0; second < 20; second++) {
            int kept = 0;
            for (int i = 0; i < 10_000; i++) {
                boolean error = i % 1000 == 0;
                TestEvent e = TestEvent.at(1000 + second + i / 10_000.0, "m").level(error ? Level.ERROR : Level.INFO);
                if (f.accept(e)) {
                    kept++;
                    errorsKept += error ? 1 : 0;
                }
            }
            keptInLastSecond = kept;
        }
        assertThat(f.currentSampleRate()).isBetween(0.005, 0.02); // about 100 / 10,000
        assertThat(keptInLastSecond).isBetween(50, 200);
        assertThat(errorsKept).isEqualTo(20 * 10);

        for (int second = 20; second < 40; second++) { // the flood stops: the rate climbs back
            f.accept(TestEvent.at(1000 + second, "m"));
        }
        assertThat(f.currentSampleRate()).isGreaterThan(0.9);
    }

    @Test
    void traceSamplingKeepsWholeTracesAndTheRequestedShare() {
        TraceSamplingFilter f = new TraceSamplingFilter(0.25, Set.of(Level.ERROR), 1L);
        Random random = new Random(3);
        int kept = 0;
        for (int t = 0; t < 4000; t++) {
            String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
            boolean first = f.accept(TestEvent.at(1, "a").with(Section.CONTEXT, "trace_id", traceId));
            for (int span = 0; span < 3; span++) {
                assertThat(f.accept(TestEvent.at(2, "b").with(Section.CONTEXT, "trace_id", traceId)))
                        .as("every event of trace %s", traceId)
                        .isEqualTo(first);
            }
            assertThat(f.accept(TestEvent.at(3, "c").level(Level.ERROR).with(Section.CONTEXT, "trace_id", traceId)))
                    .isTrue();
            kept += first ? 1 : 0;
        }
        assertThat(kept).isBetween(850, 1150);
        assertThat(new TraceSamplingFilter(0.25, Set.of(), 9L).keeps("4bf92f3577b34da6a3ce929d0e0e4736"))
                .as("the decision depends on the id only")
                .isEqualTo(f.keeps("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    @Test
    void traceSamplingReadsTheEnvelopesTraceIdInARuntime() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = runtime(sink, "filters", "trace-sampling", "filter.trace-sampling.rate", "0.5");
        TraceSamplingFilter same = new TraceSamplingFilter(0.5, Set.of(), null);
        List<String> expected = new ArrayList<>();
        Random random = new Random(5);
        for (int t = 0; t < 40; t++) {
            String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
            try (LogContext.Scope s = LogContext.put("trace_id", traceId)) {
                rt.logger("s").info(traceId);
            }
            if (same.keeps(traceId)) {
                expected.add(traceId);
            }
        }
        rt.drain(Duration.ofSeconds(5));
        assertThat(messages(sink)).isEqualTo(expected).isNotEmpty().hasSizeLessThan(40);
    }

    @Test
    void firstOccurrencePassesOncePerWindow() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = runtime(sink, "filters", "first-occurrence");
        for (int i = 0; i < 5; i++) {
            rt.logger("s").warn("disk almost full");
            rt.logger("s").warn("cache miss", "key", i);
        }
        rt.drain(Duration.ofSeconds(5));
        assertThat(messages(sink)).containsExactly("disk almost full", "cache miss");
        assertThat(rt.filterStats().get(0).trackedKeys()).isEqualTo(2);

        FirstOccurrenceFilter f =
                new FirstOccurrenceFilter(List.of("message", "key"), Duration.ofSeconds(10), 0, 100, 1L);
        assertThat(f.accept(TestEvent.at(0, "m").with(Section.DATA, "key", 1))).isTrue();
        assertThat(f.accept(TestEvent.at(1, "m").with(Section.DATA, "key", 2)))
                .as("another key")
                .isTrue();
        assertThat(f.accept(TestEvent.at(5, "m").with(Section.DATA, "key", 1))).isFalse();
        assertThat(f.accept(TestEvent.at(10.5, "m").with(Section.DATA, "key", 1)))
                .as("the window is over")
                .isTrue();
    }

    @Test
    void badFilterSettingsFailAtStartNamingTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new MemorySink())
                        .setting("filters", "sampling,bogus")
                        .setting("filter.sampling.rate", "1.5")
                        .setting("filter.rate-limit.overflow-action", "ignore")
                        .setting("filter.adaptive-sampling.min-rate", "0.9")
                        .setting("filter.adaptive-sampling.max-rate", "0.5")
                        .buildRuntime())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("fapilog.filters")
                .hasMessageContaining("rate-limit, sampling") // the available names, sorted
                .hasMessageContaining("fapilog.filter.sampling.rate")
                .hasMessageContaining("from 0.0 to 1.0")
                .hasMessageContaining("fapilog.filter.rate-limit.overflow-action")
                .hasMessageContaining("one of drop, mark")
                .hasMessageContaining("fapilog.filter.adaptive-sampling.min-rate");
    }
}
