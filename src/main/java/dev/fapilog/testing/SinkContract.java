package dev.fapilog.testing;

import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The contract every sink keeps, as a check any test framework can run: {@link #verify} drives a sink the way the
 * runtime does (start, an empty batch, batches with non-ASCII and long lines, flush, stop) and throws an
 * {@link AssertionError} naming the first broken promise. Every built-in sink passes it; a plug-in author runs it on a
 * new sink, with a way to read back what the sink wrote:
 *
 * <pre>{@code
 * @Test void keepsTheSinkContract() throws Exception {
 *     Path file = tmp.resolve("out.jsonl");
 *     SinkContract.verify(new MySink(file), () -> Files.readAllLines(file));
 * }
 * }</pre>
 *
 * What it checks: a name and a format; {@code start} and every call after it return normally for ordinary input; an
 * empty batch writes nothing; every line of every batch arrives exactly once, byte for byte, in order, by the time
 * {@code flush} returns; nothing is lost at {@code stop}; {@code isRetryable} answers for any exception. Not
 * thread-safe: one verification at a time per sink.
 */
public final class SinkContract {

    private SinkContract() {}

    /**
     * Checks {@code sink}, a new instance that has not been started.
     *
     * @param written reads back, after a flush, every line the sink has written so far, oldest first (lines it held
     *     before the check may come first)
     * @throws AssertionError naming the first promise broken
     * @throws Exception what the sink or {@code written} threw, as a broken promise too
     */
    public static void verify(Sink sink, Callable<List<String>> written) throws Exception {
        check(sink.name() != null && !sink.name().isBlank(), "name() is not blank");
        check(sink.format() != null, "format() is not null");
        List<String> diagnostics = new ArrayList<>();
        sink.start(new Context(sink.name(), diagnostics));
        int before = written.call().size();

        sink.write(TestBatch.of());
        sink.flush();
        check(written.call().size() == before, "an empty batch writes nothing");

        List<String> first = List.of(
                "{\"n\":1,\"message\":\"plain\"}",
                "{\"n\":2,\"message\":\"caf\u00e9 \u20ac \ud83d\ude00 \u4e2d\u6587\"}",
                "{\"n\":3,\"message\":\"" + "x".repeat(70_000) + "\"}");
        List<String> second = List.of("{\"n\":4,\"message\":\"second batch\"}");
        sink.write(TestBatch.of(dev.fapilog.Level.INFO, first));
        sink.write(TestBatch.of(dev.fapilog.Level.ERROR, second));
        sink.flush();
        List<String> expected = new ArrayList<>(first);
        expected.addAll(second);
        List<String> afterFlush = written.call();
        check(
                afterFlush.size() == before + expected.size(),
                "every line arrives exactly once by the end of flush(): expected " + (before + expected.size())
                        + " lines, found " + afterFlush.size());
        List<String> tail = afterFlush.subList(before, afterFlush.size());
        for (int i = 0; i < expected.size(); i++) {
            check(
                    expected.get(i).equals(tail.get(i)),
                    "line " + (i + 1) + " arrives byte for byte and in order: expected " + abbreviate(expected.get(i))
                            + ", found " + abbreviate(tail.get(i)));
        }
        check(!isRetryableThrows(sink, new IOException("contract")), "isRetryable(IOException) answers");
        check(!isRetryableThrows(sink, new IllegalStateException("contract")), "isRetryable(RuntimeException) answers");

        sink.stop();
        check(written.call().size() == afterFlush.size(), "stop() loses nothing that was written");
    }

    private static boolean isRetryableThrows(Sink sink, Exception e) {
        try {
            sink.isRetryable(e);
            return false;
        } catch (RuntimeException thrown) {
            return true;
        }
    }

    private static void check(boolean promiseKept, String promise) {
        if (!promiseKept) {
            throw new AssertionError("sink contract: " + promise);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? "'" + s + "'" : "'" + s.substring(0, 77) + "...' (" + s.length() + " chars)";
    }

    /** The context a runtime would give the sink; its diagnostics are kept in a list. */
    private static final class Context implements SinkContext, Diagnostics {
        private final String sinkName;
        private final List<String> reports;

        Context(String sinkName, List<String> reports) {
            this.sinkName = sinkName;
            this.reports = reports;
        }

        @Override
        public String sinkName() {
            return sinkName;
        }

        @Override
        public String runtimeName() {
            return "sink-contract";
        }

        @Override
        public Diagnostics diagnostics() {
            return this;
        }

        @Override
        public void warn(String component, String key, String message, Object... details) {
            reports.add("warn " + component + " " + key + ": " + message);
        }

        @Override
        public void info(String component, String key, String message, Object... details) {
            reports.add("info " + component + " " + key + ": " + message);
        }
    }
}
