package dev.fapilog.core;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The encoded batches of one format: at most {@code limit} exist at once, so the worker can run ahead of its sinks by
 * that many batches and then waits (within the sinks' deadlines). Recycled batches keep their grown buffers, which is
 * what makes the worker allocation-free in steady state.
 */
final class BatchPool {
    private final ConcurrentLinkedQueue<EncodedBatch> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger live = new AtomicInteger();
    private final int limit;
    private final Runnable onRecycle;

    BatchPool(int limit, Runnable onRecycle) {
        this.limit = limit;
        this.onRecycle = onRecycle;
    }

    /** A cleared batch, or {@code null} when {@code limit} batches are in use. Worker only. */
    EncodedBatch acquire() {
        EncodedBatch b = free.poll();
        if (b == null) {
            if (live.get() >= limit) {
                return null;
            }
            live.incrementAndGet();
            b = new EncodedBatch(this);
        }
        b.reset();
        return b;
    }

    /** Whether {@link #acquire()} would succeed now. */
    boolean hasFree() {
        return !free.isEmpty() || live.get() < limit;
    }

    void recycle(EncodedBatch batch, boolean abandoned) {
        if (abandoned) {
            live.decrementAndGet(); // a stuck thread may still read it: let it go, make a new one when needed
        } else {
            free.offer(batch);
        }
        onRecycle.run();
    }
}
