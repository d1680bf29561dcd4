package dev.fapilog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.ConfigurationException;
import dev.fapilog.DrainResult;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.RecordingSink;
import dev.fapilog.support.TestRuntimes;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every bad input of reliability-anchors section 2, rows 1 to 15 and 18 to 21: each accepted event produces exactly one
 * line that an independent parser accepts, that matches the shipped schema, and that is valid UTF-8; no call throws.
 */
class BadInputTest {
    private RecordingSink sink;
    private LogRuntime runtime;
    private Logger log;

    @BeforeEach
    void start() {
        sink = new RecordingSink("rec");
        runtime = TestRuntimes.builder()
                .name("bad-input")
                .batchMaxSize(8)
                .plugin(sink)
                .buildRuntime();
        log = runtime.logger("bad");
    }

    @AfterEach
    void stop() {
        DrainResult r = runtime.drain(Duration.ofSeconds(10));
        assertThat(r.stats().balanced()).isTrue();
    }

    /** Logs through {@code action}, then checks there is exactly one valid line per accepted event. */
    private List<JsonNode> logged(int expectedEvents, Runnable action) {
        assertThatCode(action::run).doesNotThrowAnyException();
        assertThat(runtime.flush(Duration.ofSeconds(10))).isTrue();
        List<JsonNode> nodes = JsonLines.checkAll(sink.bytes());
        assertThat(nodes).hasSize(expectedEvents);
        assertThat(runtime.stats().delivered()).isEqualTo(expectedEvents);
        List<JsonNode> logs = new ArrayList<>();
        nodes.forEach(n -> logs.add(n.get("log")));
        return logs;
    }

    @Test
    void row01LineBreaksInMessageValuesAndKeys() {
        List<JsonNode> e = logged(1, () -> log.info("a\nb\r\nc\rd", "k\ne\ry", "v\n2"));
        assertThat(e.get(0).get("message").asText()).isEqualTo("a\nb\r\nc\rd");
        assertThat(e.get(0).get("data").get("k\ne\ry").asText()).isEqualTo("v\n2");
    }

    @Test
    void row02UnicodeLineSeparatorsAndFormFeeds() {
        String s = "x\u2028y\u2029z\u0085n\u000Bv\u000Cf";
        List<JsonNode> e = logged(1, () -> log.info(s, "k", s));
        assertThat(e.get(0).get("message").asText()).isEqualTo(s);
        assertThat(new String(sink.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\\u2028", "\\u2029", "\\u0085", "\\u000b", "\\f");
    }

    @Test
    void row03TerminalEscapesNeverReachTheOutputRaw() {
        String evil = "\u001b[31mred\u001b]0;title\u0007 \u009b2J nul\u0000 del\u007f";
        List<JsonNode> e = logged(1, () -> log.info(evil, "k", evil, evil, "as key"));
        assertThat(e.get(0).get("message").asText()).isEqualTo(evil);
        for (byte b : sink.bytes()) {
            assertThat(b)
                    .isNotEqualTo((byte) 0x1B)
                    .isNotEqualTo((byte) 0x00)
                    .isNotEqualTo((byte) 0x07)
                    .isNotEqualTo((byte) 0x7F);
        }
    }

    @Test
    void row04BidiAndZeroWidthAreKeptButEscaped() {
        String trojan = "access\u202e\u2066level\u2069\u200b\ufeff";
        List<JsonNode> e = logged(1, () -> log.info(trojan));
        assertThat(e.get(0).get("message").asText()).isEqualTo(trojan);
        assertThat(new String(sink.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\\u202e", "\\u2066", "\\u2069", "\\u200b", "\\ufeff");
    }

    @Test
    void row05LoneSurrogatesBecomeReplacementAndCutsNeverSplitAPair() {
        String lone = "hi \ud83d there \ude00 end \ud83d";
        String emoji = "😀".repeat(20_000); // longer than the string cap: the cut must fall between pairs
        List<JsonNode> e = logged(1, () -> log.info(lone, "long", emoji));
        assertThat(e.get(0).get("message").asText()).isEqualTo("hi \ufffd there \ufffd end \ufffd");
        String kept = e.get(0).get("data").get("long").asText();
        assertThat(kept).contains("…[truncated, 40000 chars]").doesNotContain("\ufffd");
    }

    @Test
    void row05CodePointSweepRoundTrips() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp <= 0x10FFFF; cp += (cp < 0x3000 ? 1 : 97)) {
            if (cp < 0xD800 || cp > 0xDFFF) {
                all.appendCodePoint(cp);
            }
        }
        String sweep = all.toString();
        List<JsonNode> e = logged(1, () -> runtime.logger("sweep").info("sweep", "all", sweep));
        String back = e.get(0).get("data").get("all").asText();
        int cut = back.lastIndexOf("…[truncated, " + sweep.length() + " chars]");
        assertThat(cut)
                .as("the sweep is longer than the cap, so it is cut and marked")
                .isPositive();
        assertThat(back.substring(0, cut)).isEqualTo(sweep.substring(0, cut));
    }

    @Test
    void row06BytesAsBase64AndCharArraysNeverPrinted() {
        byte[] big = new byte[10_000];
        char[] password = "hunter2".toCharArray();
        List<JsonNode> e = logged(1, () -> log.info("secrets", "b", new byte[] {1, 2, 3}, "big", big, "pw", password));
        JsonNode data = e.get(0).get("data");
        assertThat(data.get("b").asText()).isEqualTo("AQID");
        assertThat(data.get("big").asText()).endsWith("…[truncated, 10000 bytes]");
        assertThat(data.get("pw").asText()).isEqualTo("[char[] hidden]");
        assertThat(new String(sink.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("hunter2");
    }

    @Test
    void row07HugeMessagesFieldCountsAndKeys() {
        String oneMb = "m".repeat(1 << 20);
        String hundredMb = "x".repeat(100 << 20);
        Object[] manyFields = new Object[200_000];
        for (int i = 0; i < manyFields.length; i += 2) {
            manyFields[i] = "k" + i;
            manyFields[i + 1] = i;
        }
        String hugeKey = "k".repeat(1 << 20);
        List<JsonNode> e = logged(4, () -> {
            log.info(oneMb);
            log.info(hundredMb);
            log.log(dev.fapilog.Level.INFO, "many", manyFields);
            log.info("huge key", hugeKey, 1);
        });
        assertThat(e.get(0).get("message").asText()).endsWith("…[truncated, 1048576 chars]");
        assertThat(e.get(1).get("message").asText()).endsWith("…[truncated, 104857600 chars]");
        assertThat(e.get(2).get("data").get("_omitted_fields").asInt()).isEqualTo(100_000 - 1_000);
        assertThat(e.get(3).get("data").fieldNames().next()).hasSizeLessThan(2_000);
        for (byte[] line : sink.rawLines()) {
            assertThat(line.length).isLessThanOrEqualTo(1 << 20);
        }
    }

    @Test
    void row07EventsOverTheByteCapAreWrittenInReducedForm() {
        LogRuntime small = TestRuntimes.builder()
                .setting("encoder.max-event-bytes", "4KB")
                .plugin(sink)
                .buildRuntime();
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            big.add("item-" + i);
        }
        small.logger("small").info("too big", "list", big);
        small.drain(Duration.ofSeconds(5));
        List<JsonNode> nodes = JsonLines.checkAll(sink.bytes());
        assertThat(nodes).hasSize(1);
        JsonNode e = nodes.get(0).get("log");
        assertThat(e.get("data").get("_truncated").asBoolean()).isTrue();
        assertThat(e.get("diagnostics").get("encoding_error").asText()).contains("encoder.max-event-bytes");
        sink = new RecordingSink("rec2"); // keep the @AfterEach runtime's own checks independent
    }

    @Test
    void row08DeepNestingCyclesAndSharedReferences() {
        Map<String, Object> deep = new HashMap<>();
        Map<String, Object> cursor = deep;
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> next = new HashMap<>();
            cursor.put("d", next);
            cursor = next;
        }
        Map<String, Object> cyclic = new LinkedHashMap<>();
        cyclic.put("self", cyclic);
        List<Object> list = new ArrayList<>();
        list.add(list);
        Map<String, Object> shared = Map.of("x", 1);
        List<Object> dag = List.of(shared, shared, shared);
        List<JsonNode> e =
                logged(1, () -> log.info("graphs", "deep", deep, "cyclic", cyclic, "list", list, "dag", dag));
        JsonNode data = e.get(0).get("data");
        assertThat(data.toString()).contains("[max depth]");
        assertThat(data.get("cyclic").get("self").asText()).startsWith("[circular reference");
        assertThat(data.get("list").get(0).asText()).startsWith("[circular reference");
        assertThat(data.get("dag")).hasSize(3);
        assertThat(data.get("dag").get(2).get("x").asInt()).isEqualTo(1);
    }

    @Test
    void row09HostileToStrings() throws Exception {
        Object throwsRuntime = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        Object throwsError = new Object() {
            @Override
            public String toString() {
                throw new StackOverflowError();
            }
        };
        Object returnsNull = new Object() {
            @Override
            public String toString() {
                return null;
            }
        };
        StringBuilder mutating = new StringBuilder("at call");
        List<JsonNode> e = logged(1, () -> {
            log.info("hostile", "a", throwsRuntime, "b", throwsError, "c", returnsNull, "d", mutating);
            mutating.append(" and changed later");
        });
        JsonNode data = e.get(0).get("data");
        assertThat(data.get("a").asText()).startsWith("[toString() threw java.lang.IllegalStateException");
        assertThat(data.get("b").asText()).startsWith("[toString() threw java.lang.StackOverflowError");
        assertThat(data.get("c").asText()).isEqualTo("null");
        assertThat(data.get("d").asText()).isEqualTo("at call");
    }

    @Test
    void row09ABlockingToStringBlocksOnlyItsCallerNotTheWorker() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        Object blocking = new Object() {
            @Override
            public String toString() {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                return "finally";
            }
        };
        Thread stuck = new Thread(() -> log.info("slow value", "v", blocking));
        stuck.start();
        assertThat(entered.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        log.info("meanwhile");
        assertThat(runtime.flush(Duration.ofSeconds(5)))
                .as("the worker is not held up")
                .isTrue();
        assertThat(sink.count()).isEqualTo(1);
        release.countDown();
        stuck.join();
        assertThat(runtime.flush(Duration.ofSeconds(5))).isTrue();
        assertThat(JsonLines.checkAll(sink.bytes())).hasSize(2);
    }

    @Test
    void row10BrokenEqualsAndHashCodeAreNeverCalled() {
        Object broken = new Object() {
            @Override
            public boolean equals(Object o) {
                throw new IllegalStateException("equals");
            }

            @Override
            public int hashCode() {
                throw new IllegalStateException("hashCode");
            }

            @Override
            public String toString() {
                return "broken";
            }
        };
        RuntimeException withBrokenCause = new BrokenException("outer", new BrokenException("inner", null));
        List<JsonNode> e = logged(
                1, () -> log.error("broken", withBrokenCause, "v", List.of(broken, broken), "m", Map.of("k", broken)));
        assertThat(e.get(0).get("data").get("v").get(1).asText()).isEqualTo("broken");
        assertThat(e.get(0)
                        .get("diagnostics")
                        .get("exception")
                        .get("cause")
                        .get("message")
                        .asText())
                .isEqualTo("inner");
    }

    @Test
    void row11NullsEmptiesDuplicatesReservedAndOddKeys() {
        List<JsonNode> e = logged(
                1,
                () -> log.info(null, new Object[] {
                    null,
                    1,
                    "",
                    2,
                    "dup",
                    1,
                    "dup",
                    2,
                    "message",
                    "m",
                    "level",
                    "l",
                    "a.b",
                    1,
                    "q\"uote",
                    2,
                    "ctl\u0001",
                    3,
                    "n",
                    null
                }));
        JsonNode data = e.get(0).get("data");
        assertThat(e.get(0).get("message").asText()).isEmpty();
        assertThat(data.get("_invalid_keys").asInt()).isEqualTo(2);
        assertThat(data.get("dup").asInt()).isEqualTo(2);
        assertThat(data.get("message").asText()).isEqualTo("m");
        assertThat(e.get(0).get("level").asText()).isEqualTo("INFO");
        assertThat(data.get("a.b").asInt()).isEqualTo(1);
        assertThat(data.get("q\"uote").asInt()).isEqualTo(2);
        assertThat(data.get("ctl\u0001").asInt()).isEqualTo(3);
        assertThat(data.get("n").isNull()).isTrue();
    }

    @Test
    void row12ValuesThatCannotBeSerialised() throws Exception {
        Thread thread = new Thread(() -> {}, "some-thread");
        Runnable lambda = () -> {};
        List<JsonNode> e = logged(
                1,
                () -> log.info(
                        "odd types",
                        "optional",
                        Optional.of("present"),
                        "empty",
                        Optional.empty(),
                        "stream",
                        Stream.of(1, 2),
                        "input",
                        new ByteArrayInputStream(new byte[] {1}),
                        "thread",
                        thread,
                        "class",
                        String.class,
                        "lambda",
                        lambda,
                        "record",
                        new Point(1, 2),
                        "ints",
                        new int[] {1, 2, 3}));
        JsonNode data = e.get(0).get("data");
        assertThat(data.get("optional").asText()).isEqualTo("present");
        assertThat(data.get("empty").isNull()).isTrue();
        assertThat(data.get("thread").asText()).contains("some-thread");
        assertThat(data.get("class").asText()).isEqualTo("java.lang.String");
        assertThat(data.get("record").get("x").asInt()).isEqualTo(1);
        assertThat(data.get("ints").get(2).asInt()).isEqualTo(3);
    }

    record Point(int x, int y) {}

    @Test
    void row13NumbersAtTheEdges() {
        BigDecimal million = new BigDecimal(BigInteger.TEN.pow(1_000_000));
        List<JsonNode> e = logged(
                1,
                () -> log.info(
                        "numbers",
                        "nan",
                        Double.NaN,
                        "inf",
                        Double.POSITIVE_INFINITY,
                        "ninf",
                        Float.NEGATIVE_INFINITY,
                        "negzero",
                        -0.0,
                        "huge",
                        million,
                        "hugeint",
                        BigInteger.TEN.pow(5_000),
                        "big",
                        9_007_199_254_740_993L,
                        "dec",
                        new BigDecimal("12.50"),
                        "f",
                        1.1f));
        JsonNode d = e.get(0).get("data");
        assertThat(d.get("nan").asText()).isEqualTo("NaN");
        assertThat(d.get("inf").asText()).isEqualTo("Infinity");
        assertThat(d.get("ninf").asText()).isEqualTo("-Infinity");
        assertThat(d.get("negzero").asDouble()).isEqualTo(-0.0);
        assertThat(d.get("huge").asText()).startsWith("[decimal of about");
        assertThat(d.get("hugeint").asText()).startsWith("[integer of about");
        assertThat(d.get("big").asLong()).isEqualTo(9_007_199_254_740_993L);
        assertThat(d.get("dec").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(d.get("f").asText()).isEqualTo("1.1");
    }

    @Test
    void row14PathologicalExceptions() {
        RuntimeException a = new RuntimeException("A");
        RuntimeException b = new RuntimeException("B", a);
        a.initCause(b); // A -> B -> A
        RuntimeException selfSuppressed = new RuntimeException("self");
        selfSuppressed.addSuppressed(new RuntimeException("child"));
        RuntimeException manySuppressed = new RuntimeException("many");
        for (int i = 0; i < 5_000; i++) {
            manySuppressed.addSuppressed(new RuntimeException("s" + i));
        }
        Throwable deep = new RuntimeException("bottom");
        for (int i = 0; i < 10_000; i++) {
            deep = new RuntimeException("level " + i, deep);
        }
        RuntimeException nasty = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("getMessage");
            }

            @Override
            public StackTraceElement[] getStackTrace() {
                throw new IllegalStateException("getStackTrace");
            }
        };
        StackOverflowError soe;
        try {
            recurse(0);
            throw new AssertionError("unreachable");
        } catch (StackOverflowError e) {
            soe = e;
        }
        String tenMb = "p".repeat(10 << 20);
        Throwable deepFinal = deep;
        StackOverflowError soeFinal = soe;
        List<JsonNode> e = logged(7, () -> {
            log.error("cycle", a);
            log.error("suppressed", selfSuppressed);
            log.error("many suppressed", manySuppressed);
            log.error("deep", deepFinal);
            log.error("nasty", nasty);
            log.error("soe", soeFinal);
            log.error("huge message", new RuntimeException(tenMb));
        });
        JsonNode cycle = e.get(0).get("diagnostics").get("exception");
        assertThat(cycle.get("cause").get("cause").get("circular").asBoolean()).isTrue();
        assertThat(e.get(2)
                        .get("diagnostics")
                        .get("exception")
                        .get("suppressed_omitted")
                        .asInt())
                .isEqualTo(5_000 - 16);
        assertThat(e.get(3).get("diagnostics").get("exception").toString()).contains("causes_omitted");
        assertThat(e.get(4).get("diagnostics").get("exception").get("message").asText())
                .startsWith("[getMessage() threw");
        JsonNode soeNode = e.get(5).get("diagnostics").get("exception");
        assertThat(soeNode.get("frames")).hasSize(64);
        assertThat(soeNode.get("frames_omitted").asInt()).isPositive();
        assertThat(e.get(6).get("diagnostics").get("exception").get("message").asText())
                .endsWith("…[truncated, 10485760 chars]");
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }

    @Test
    void row15NothingIsEverEvaluated() throws Exception {
        try (ServerSocket canary = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
            String lookup = "${jndi:ldap://127.0.0.1:" + canary.getLocalPort() + "/x}";
            String[] payloads = {lookup, "${env:HOME}", "${sys:user.home}", "#{7*7}", "%{x}", "{}", "%n", "{{x}}"};
            List<JsonNode> e;
            try (LogContext.Scope s = LogContext.put("request_id", lookup)) {
                e = logged(payloads.length, () -> {
                    for (String p : payloads) {
                        log.info(p, "param", p, p, "as key");
                    }
                });
            }
            for (int i = 0; i < payloads.length; i++) {
                assertThat(e.get(i).get("message").asText()).isEqualTo(payloads[i]);
                assertThat(e.get(i).get("data").get("param").asText()).isEqualTo(payloads[i]);
            }
            canary.setSoTimeout(200);
            assertThatThrownBy(canary::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void row18LoggingDuringShutdownAndFromStaticInitialisers() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Thread during = new Thread(() -> {
            while (!stop.get()) {
                log.info("during drain");
            }
        });
        during.start();
        Thread.sleep(20);
        DrainResult r = runtime.drain(Duration.ofSeconds(5));
        stop.set(true);
        during.join();
        assertThat(r.pending()).isZero();
        StaticInit.touch();
        assertThat(runtime.stats().droppedByReason()).containsKey("after_shutdown");
        assertThat(runtime.stats().balanced()).isTrue();
        JsonLines.checkAll(sink.bytes());
    }

    static final class StaticInit {
        static final Logger LOG = dev.fapilog.Fapilog.builder()
                .sinks()
                .plugin(new RecordingSink("static"))
                .shutdownHook(false)
                .build();

        static {
            LOG.info("from a static initialiser");
        }

        static void touch() {
            LOG.runtime().drain(Duration.ofSeconds(5));
            assertThat(LOG.runtime().stats().delivered()).isEqualTo(1);
        }
    }

    @Test
    void row19InterruptedAndVirtualThreadProducers() throws Exception {
        Thread interrupted = new Thread(() -> {
            Thread.currentThread().interrupt();
            log.info("interrupted producer");
            if (!Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupt flag lost");
            }
        });
        interrupted.start();
        interrupted.join();
        int producers = 10_000;
        List<Thread> threads = new ArrayList<>();
        java.lang.reflect.Method ofVirtual = null;
        try {
            ofVirtual = Thread.class.getMethod("ofVirtual");
        } catch (NoSuchMethodException jdk17) {
            // Virtual threads exist from JDK 21: on JDK 17 the same many-producer check runs on platform threads.
            producers = 200;
        }
        for (int i = 0; i < producers; i++) {
            int id = i;
            Runnable task = () -> log.info("producer", "id", id);
            if (ofVirtual != null) {
                Object builder = ofVirtual.invoke(null);
                java.lang.reflect.Method start =
                        Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
                threads.add((Thread) start.invoke(builder, task));
            } else {
                Thread t = new Thread(task);
                t.start();
                threads.add(t);
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        int expected = producers + 1;
        assertThat(runtime.flush(Duration.ofSeconds(20))).isTrue();
        assertThat(JsonLines.checkAll(sink.bytes())).hasSize(expected);
    }

    @Test
    void row20ContextValuesAreCappedAndEscaped() {
        String hostile = "tenant\n\u001b[2J" + "z".repeat(100_000);
        List<JsonNode> e;
        try (LogContext.Scope s = LogContext.put("tenant_id", hostile)) {
            e = logged(1, () -> log.info("ctx"));
        }
        String tenant = e.get(0).get("context").get("tenant_id").asText();
        assertThat(tenant).startsWith("tenant\n\u001b[2J").endsWith("…[truncated, 100011 chars]");
    }

    @Test
    void row21OutOfRangeConfigurationFailsAtBuildTimeNeverAtRuntime() {
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .queueCapacity(0)
                        .batchMaxSize(Integer.MAX_VALUE)
                        .batchTimeout(Duration.ofMillis(-5))
                        .setting("sink.retry.max-attempts", "-1")
                        .setting("redaction.patterns", "([a-z")
                        .setting("qeueu.capacity", "10")
                        .sinks("nope")
                        .buildRuntime())
                .isInstanceOf(ConfigurationException.class)
                .satisfies(ex -> {
                    String m = ex.getMessage();
                    assertThat(m).contains("fapilog.queue.capacity = '0'");
                    assertThat(m).contains("fapilog.batch.max-size");
                    assertThat(m).contains("fapilog.batch.timeout");
                    assertThat(m).contains("fapilog.sink.retry.max-attempts = '-1'");
                    assertThat(m).contains("fapilog.qeueu.capacity").contains("did you mean fapilog.queue.capacity?");
                    assertThat(((ConfigurationException) ex).problems()).hasSizeGreaterThanOrEqualTo(5);
                });
        assertThatThrownBy(() ->
                        TestRuntimes.builder().queueCapacity(Integer.MAX_VALUE).buildRuntime())
                .hasMessageContaining("an integer from 1 to 16777216");
    }

    /** An exception whose equals and hashCode throw, after Log4j's TestFriendlyException. */
    static final class BrokenException extends RuntimeException {
        BrokenException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean equals(Object o) {
            throw new IllegalStateException("equals");
        }

        @Override
        public int hashCode() {
            throw new IllegalStateException("hashCode");
        }
    }
}
