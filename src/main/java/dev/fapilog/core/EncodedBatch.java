package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.spi.SinkBatch;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The encoded lines of one batch in one format, handed to every sink of that format. Reference-counted: the worker
 * fills it, each sink that gets it holds one reference, and the last release returns it to its {@link BatchPool}. A
 * batch whose sink was abandoned after a deadline is never reused, because the stuck thread may still read it. A
 * routed sink's share ({@link #subset}) belongs to no pool and is left to the collector.
 */
final class EncodedBatch implements SinkBatch {
    final ByteBuf bytes;
    private int[] lineEnds;
    private Level[] levels;
    private int count;
    /** A routed share's lines: the index of each in the batch it was taken from; {@code null} for a whole batch. */
    private int[] sources;

    private final AtomicInteger references = new AtomicInteger();
    private volatile boolean abandoned;
    private final BatchPool pool;

    EncodedBatch(BatchPool pool) {
        this(pool, 64 * 1024, 256);
    }

    private EncodedBatch(BatchPool pool, int bytes, int lines) {
        this.pool = pool;
        this.bytes = new ByteBuf(bytes);
        this.lineEnds = new int[Math.max(1, lines)];
        this.levels = new Level[Math.max(1, lines)];
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
        if (references.decrementAndGet() == 0 && pool != null) {
            pool.recycle(this, abandoned);
        }
    }

    /**
     * A new, unpooled batch with the lines of the events whose mask has {@code bit} set (routing: the share of one
     * sink), in order. The copy is what lets each sink keep the plain contiguous {@link SinkBatch} view.
     */
    EncodedBatch subset(long[] masks, long bit, int lines) {
        EncodedBatch out = new EncodedBatch(null, Math.max(256, bytes.length() / 2), lines);
        out.sources = new int[lines];
        for (int i = 0; i < count; i++) {
            if ((masks[i] & bit) != 0) {
                out.sources[out.count] = i;
                int start = lineStart(i);
                out.bytes.put(bytes.array(), start, lineEnds[i] - start);
                out.endLine(levels[i]);
            }
        }
        return out;
    }

    /** The events of the dispatched batch this batch's lines are, by index; {@code null} when it is the whole batch. */
    int[] sources() {
        return sources;
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
