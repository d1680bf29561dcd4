package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.spi.SinkBatch;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The encoded lines of one batch in one format, handed to every sink of that format. Reference-counted: the worker
 * fills it, each sink that gets it holds one reference, and the last release returns it to its {@link BatchPool}. A
 * batch whose sink was abandoned after a deadline is never reused, because the stuck thread may still read it.
 */
final class EncodedBatch implements SinkBatch {
    final ByteBuf bytes = new ByteBuf(64 * 1024);
    private int[] lineEnds = new int[256];
    private Level[] levels = new Level[256];
    private int count;
    private final AtomicInteger references = new AtomicInteger();
    private volatile boolean abandoned;
    private final BatchPool pool;

    EncodedBatch(BatchPool pool) {
        this.pool = pool;
    }

    void reset() {
        bytes.reset();
        Arrays.fill(levels, 0, count, null);
        count = 0;
        abandoned = false;
    }

    /** Marks the end of the line just written for an event at {@code level}. */
    void endLine(Level level) {
        if (count == lineEnds.length) {
            lineEnds = Arrays.copyOf(lineEnds, count * 2);
            levels = Arrays.copyOf(levels, count * 2);
        }
        lineEnds[count] = bytes.length();
        levels[count] = level;
        count++;
    }

    void retain(int n) {
        references.addAndGet(n);
    }

    /** Drops one reference; {@code abandon} keeps the batch out of the pool for good. */
    void release(boolean abandon) {
        if (abandon) {
            abandoned = true;
        }
        if (references.decrementAndGet() == 0) {
            pool.recycle(this, abandoned);
        }
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public byte[] array() {
        return bytes.array();
    }

    @Override
    public int offset() {
        return 0;
    }

    @Override
    public int length() {
        return bytes.length();
    }

    @Override
    public int lineStart(int index) {
        return index == 0 ? 0 : lineEnds[index - 1];
    }

    @Override
    public int lineEnd(int index) {
        return lineEnds[index];
    }

    @Override
    public Level level(int index) {
        return levels[index];
    }
}
