package dev.fapilog.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded, lock-free queue for many producers and one consumer, which can be closed atomically.
 *
 * <p>Producers claim an index with one CAS on {@code producerIndex} and then publish the element with a release store
 * into its slot; the consumer reads slots with acquire loads. Closing sets the sign bit of {@code producerIndex} with a
 * CAS, so a producer either claimed its index before the close (and its element will be seen by the final drain) or
 * sees the queue closed; nothing can slip in between. The capacity is exact: the backing array is the next power of
 * two, but no more than {@code capacity} elements are ever held.
 *
 * <p>The fields are padded apart so that producers hammering {@code producerIndex} do not invalidate the consumer's
 * cache line and vice versa. There are no locks and no {@code synchronized}, so a virtual thread never pins here, and an
 * interrupted producer is neither affected nor cleared.
 */
final class MpscLane<E> extends MpscLaneConsumerFields {

    static final int OK = 0;
    static final int FULL = 1;
    static final int CLOSED = 2;

    private static final long CLOSED_BIT = Long.MIN_VALUE;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Object[] slots;
    private final int mask;
    private final int capacity;

    MpscLane(int capacity) {
        if (capacity < 1 || capacity > (1 << 30)) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        int length = Integer.highestOneBit(capacity);
        if (length < capacity) {
            length <<= 1;
        }
        this.slots = new Object[length];
        this.mask = length - 1;
        this.producerLimit = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** Offers an element: {@link #OK}, {@link #FULL} or {@link #CLOSED}. Lock-free; never blocks. */
    int offer(E element) {
        long limit = (long) PRODUCER_LIMIT.getOpaque(this);
        long p;
        do {
            p = (long) PRODUCER_INDEX.getVolatile(this);
            if (p < 0) {
                return CLOSED;
            }
            if (p >= limit) {
                long c = (long) CONSUMER_INDEX.getVolatile(this);
                limit = c + capacity;
                if (p >= limit) {
                    return FULL;
                }
                // Racy on purpose: a stale, smaller limit only costs an extra read of the consumer index.
                PRODUCER_LIMIT.setOpaque(this, limit);
            }
        } while (!PRODUCER_INDEX.compareAndSet(this, p, p + 1));
        SLOT.setRelease(slots, (int) (p & mask), element);
        return OK;
    }

    /**
     * Whether an offer would now find the lane full (and not closed): a hint for callers that would rather not build an
     * element that has no room. Reads the consumer index only when the cached limit says the lane may be full, so on a
     * lane with room it touches nothing {@link #offer} does not. A {@code false} may be stale by the time of the offer,
     * which then reports {@link #FULL} itself.
     */
    boolean isFull() {
        long p = (long) PRODUCER_INDEX.getVolatile(this);
        if (p < 0 || p < (long) PRODUCER_LIMIT.getOpaque(this)) {
            return false;
        }
        long limit = (long) CONSUMER_INDEX.getVolatile(this) + capacity;
        if (p < limit) {
            PRODUCER_LIMIT.setOpaque(this, limit); // racy on purpose, as in offer
            return false;
        }
        return true;
    }

    /**
     * Takes the oldest element, or {@code null} when the queue is empty <em>or</em> when the oldest index is claimed but
     * its producer has not stored the element yet (check {@link #isEmpty()} to tell them apart). Consumer thread only.
     */
    @SuppressWarnings("unchecked")
    E poll() {
        long c = consumerIndex;
        int slot = (int) (c & mask);
        Object e = SLOT.getAcquire(slots, slot);
        if (e == null) {
            return null;
        }
        slots[slot] = null;
        CONSUMER_INDEX.setRelease(this, c + 1);
        return (E) e;
    }

    /** The oldest element without removing it, with the same {@code null} rules as {@link #poll()}. Consumer only. */
    @SuppressWarnings("unchecked")
    E peek() {
        return (E) SLOT.getAcquire(slots, (int) (consumerIndex & mask));
    }

    /** Closes the queue to producers. Idempotent. */
    void close() {
        long p;
        do {
            p = (long) PRODUCER_INDEX.getVolatile(this);
            if (p < 0) {
                return;
            }
        } while (!PRODUCER_INDEX.compareAndSet(this, p, p | CLOSED_BIT));
    }

    boolean isClosed() {
        return (long) PRODUCER_INDEX.getVolatile(this) < 0;
    }

    /** Number of successful offers so far (every claimed index). */
    long producedCount() {
        return ((long) PRODUCER_INDEX.getVolatile(this)) & Long.MAX_VALUE;
    }

    /** Number of elements taken so far. */
    long consumedCount() {
        return (long) CONSUMER_INDEX.getVolatile(this);
    }

    /** Claimed but not yet consumed indices; exact when read by the consumer. */
    int size() {
        long size = producedCount() - consumedCount();
        return (int) Math.max(0, Math.min(size, capacity));
    }

    boolean isEmpty() {
        return producedCount() == consumedCount();
    }
}

/** Padding before the producer fields. */
abstract class MpscLanePad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e;
}

/** Fields written by producers. */
abstract class MpscLaneProducerFields extends MpscLanePad0 {
    static final VarHandle PRODUCER_INDEX;
    static final VarHandle PRODUCER_LIMIT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(MpscLaneProducerFields.class, "producerIndex", long.class);
            PRODUCER_LIMIT = lookup.findVarHandle(MpscLaneProducerFields.class, "producerLimit", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    volatile long producerIndex;
    volatile long producerLimit;
}

/** Padding between producer and consumer fields. */
abstract class MpscLanePad1 extends MpscLaneProducerFields {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e;
}

/** Fields written by the consumer. */
abstract class MpscLaneConsumerFields extends MpscLanePad1 {
    static final VarHandle CONSUMER_INDEX;

    static {
        try {
            CONSUMER_INDEX =
                    MethodHandles.lookup().findVarHandle(MpscLaneConsumerFields.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    volatile long consumerIndex;
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e;
}
