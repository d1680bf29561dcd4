package dev.fapilog.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values for the fuzz tests, after Log4j's {@code FuzzingUtil} but richer: strings with any char (lone surrogates,
 * controls, bidi marks included), every number shape (NaN, infinities, huge decimals), byte arrays, and maps and lists
 * nested a few levels, all chosen by the fuzzer's input.
 */
final class FuzzInputs {
    private FuzzInputs() {}

    /** Any chars at all, lone surrogates included (a Java string need not be valid UTF-16). */
    static String anyString(FuzzedDataProvider d, int max) {
        int n = d.consumeInt(0, max);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = d.consumeBoolean() ? (char) d.consumeInt(0x20, 0x7e) : d.consumeChar();
        }
        return new String(c);
    }

    static Object value(FuzzedDataProvider d, int depth) {
        switch (d.consumeInt(0, depth < 3 ? 10 : 7)) {
            case 0:
                return null;
            case 1:
                return d.consumeInt();
            case 2:
                return d.consumeLong();
            case 3:
                return d.consumeDouble();
            case 4:
                return d.consumeBoolean();
            case 5:
                return d.consumeBytes(40);
            case 6:
                return new BigDecimal(d.consumeLong()).scaleByPowerOfTen(d.consumeInt(-400, 400));
            case 7:
                return anyString(d, 120);
            case 8:
                Map<String, Object> m = new LinkedHashMap<>();
                int entries = d.consumeInt(0, 4);
                for (int i = 0; i < entries; i++) {
                    m.put(anyString(d, 12), value(d, depth + 1));
                }
                return m;
            case 9:
                List<Object> l = new ArrayList<>();
                int items = d.consumeInt(0, 4);
                for (int i = 0; i < items; i++) {
                    l.add(value(d, depth + 1));
                }
                return l;
            default:
                return new Object[] {value(d, depth + 1), anyString(d, 8)};
        }
    }

    /** Replaces each lone surrogate the way the encoder does (U+FFFD), to predict a string's round trip. */
    static String withoutLoneSurrogates(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                b.append('\ufffd');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A sink that keeps the lines of the last batches only, so a long fuzzing run does not fill the heap. */
    static final class LastLines implements Sink {
        private final List<byte[]> lines = new ArrayList<>();
        private final String name;

        LastLines(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized void write(SinkBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
                lines.add(Arrays.copyOfRange(batch.array(), batch.lineStart(i), batch.lineEnd(i)));
            }
        }

        synchronized List<byte[]> take() {
            List<byte[]> out = new ArrayList<>(lines);
            lines.clear();
            return out;
        }
    }

    /** A runtime whose events are checked one at a time: one event per batch, into a sink that keeps the last lines. */
    static final class OneEvent {
        private final LastLines sink = new LastLines("last-lines");
        private final dev.fapilog.LogRuntime runtime;

        OneEvent(String name, java.util.function.UnaryOperator<dev.fapilog.LoggerBuilder> config) {
            runtime = config.apply(dev.fapilog.support.TestRuntimes.builder()
                            .name(name)
                            .setting("diagnostics.enabled", "false")
                            .batchMaxSize(1)
                            .plugin(sink))
                    .buildRuntime();
        }

        /** Logs with {@code log}, waits for the event, and returns its one line (asserting it is exactly one). */
        byte[] line(java.util.function.Consumer<dev.fapilog.LogRuntime> log) {
            log.accept(runtime);
            org.assertj.core.api.Assertions.assertThat(runtime.flush(java.time.Duration.ofSeconds(10)))
                    .isTrue();
            List<byte[]> lines = sink.take();
            org.assertj.core.api.Assertions.assertThat(lines).hasSize(1);
            return lines.get(0);
        }

        void drain() {
            runtime.drain(java.time.Duration.ofSeconds(5));
        }
    }
}
