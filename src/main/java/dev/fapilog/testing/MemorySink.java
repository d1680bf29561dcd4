package dev.fapilog.testing;

import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sink that keeps every line in memory, for applications' own tests:
 *
 * <pre>{@code
 * MemorySink sink = new MemorySink();
 * Logger log = Fapilog.builder().plugin(sink).sinks().build();   // sinks(): no stdout sink
 * log.info("Signed in", "user_id", 42);
 * log.runtime().flush(Duration.ofSeconds(1));
 * assertEquals(42L, sink.records().get(0).get("data") ...);
 * }</pre>
 *
 * Lines are the canonical JSON envelope ({@link #lines()}), also available parsed ({@link #records()}). Thread-safe:
 * the runtime writes from its sink thread while the test reads from its own. {@link #capacity} bounds memory: when it
 * is reached the oldest lines are discarded and counted in {@link #evicted()}.
 */
public final class MemorySink implements Sink {
    private final String name;
    private final int capacity;
    private final List<String> lines = new ArrayList<>();
    private long evicted;
    private int flushes;
    private boolean stopped;

    /** A sink named {@code memory} holding at most 1,000,000 lines. */
    public MemorySink() {
        this("memory", 1_000_000);
    }

    public MemorySink(String name, int capacity) {
        this.name = Objects.requireNonNull(name, "name");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(SinkBatch batch) {
        List<String> incoming = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            incoming.add(batch.line(i));
        }
        synchronized (this) {
            lines.addAll(incoming);
            int excess = lines.size() - capacity;
            if (excess > 0) {
                lines.subList(0, excess).clear();
                evicted += excess;
            }
            notifyAll();
        }
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public synchronized void stop() {
        stopped = true;
    }

    /** Every line kept, oldest first, without the trailing newline. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every line kept, parsed. */
    public List<Map<String, Object>> records() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : lines()) {
            out.add(JsonReader.parseObject(line));
        }
        return out;
    }

    /** The {@code log} object of every line kept, parsed. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> events() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : records()) {
            out.add((Map<String, Object>) r.get("log"));
        }
        return out;
    }

    public synchronized int size() {
        return lines.size();
    }

    /** Lines discarded because {@code capacity} was reached. */
    public synchronized long evicted() {
        return evicted;
    }

    /** How many times the runtime flushed this sink. */
    public synchronized int flushes() {
        return flushes;
    }

    /** Whether the runtime stopped this sink (drain). */
    public synchronized boolean isStopped() {
        return stopped;
    }

    public synchronized void clear() {
        lines.clear();
    }

    /** Waits until at least {@code count} lines are kept or the timeout passes; returns whether they are. */
    public synchronized boolean awaitLines(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
