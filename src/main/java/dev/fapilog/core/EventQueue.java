package dev.fapilog.core;

import dev.fapilog.Level;
import java.util.Set;

/**
 * The runtime's queue: a main lane and a protected lane, both bounded MPSC lanes. Events at a protected level use
 * their own lane, so a flood of INFO can never push an ERROR or AUDIT event out. The consumer merges the two lanes by
 * capture time: order within each lane is exactly the order of the offers, and across lanes events come out in
 * chronological order (ties go to the main lane).
 */
final class EventQueue {
    private final MpscLane<LogEvent> main;
    private final MpscLane<LogEvent> protectedLane; // null when no level is protected
    private final Level[] protectedLevels;

    /*
     * Set by a producer whose offer found a lane full, cleared by the consumer when it takes an event. While the queue
     * has room nobody writes it, so isFull costs producers one read of a cache line they already share; only after a
     * full lane does it look at the lane's indices. (Reading the indices on every call measured 5 ns more per call.)
     */
    private volatile boolean sawFull;

    EventQueue(int mainCapacity, int protectedCapacity, Set<Level> protectedLevels) {
        this.main = new MpscLane<>(mainCapacity);
        this.protectedLevels = protectedLevels.toArray(new Level[0]);
        this.protectedLane =
                protectedLevels.isEmpty() || protectedCapacity == 0 ? null : new MpscLane<>(protectedCapacity);
    }

    /** {@link MpscLane#OK}, {@link MpscLane#FULL} or {@link MpscLane#CLOSED}. */
    int offer(LogEvent e) {
        int r = laneFor(e.level).offer(e);
        if (r == MpscLane.FULL && !sawFull) {
            sawFull = true;
        }
        return r;
    }

    /**
     * Whether an event at {@code level} would now find its lane full: a hint (see {@link MpscLane#isFull()}) that is
     * only consulted after some offer found a lane full.
     */
    boolean isFull(Level level) {
        return sawFull && laneFor(level).isFull();
    }

    private MpscLane<LogEvent> laneFor(Level level) {
        if (protectedLane != null) {
            for (Level p : protectedLevels) { // a handful of levels: an identity scan beats hashing
                if (p == level) {
                    return protectedLane;
                }
            }
        }
        return main;
    }

    /** Consumer only: the next event in merged order, or {@code null} if none is ready. */
    LogEvent poll() {
        LogEvent e = next();
        if (e != null && sawFull) {
            sawFull = false; // room again: producers go back to offering without looking at the indices first
        }
        return e;
    }

    private LogEvent next() {
        if (protectedLane == null) {
            return main.poll();
        }
        LogEvent a = main.peek();
        LogEvent b = protectedLane.peek();
        if (a == null) {
            return b == null ? null : protectedLane.poll();
        }
        if (b == null || a.nanoTime - b.nanoTime <= 0) {
            return main.poll();
        }
        return protectedLane.poll();
    }

    void close() {
        main.close();
        if (protectedLane != null) {
            protectedLane.close();
        }
    }

    /** Whether {@link #close()} was called. */
    boolean isClosedForProducers() {
        return main.isClosed();
    }

    boolean isEmpty() {
        return main.isEmpty() && (protectedLane == null || protectedLane.isEmpty());
    }

    int size() {
        return main.size() + (protectedLane == null ? 0 : protectedLane.size());
    }

    long capacity() {
        return main.capacity() + (protectedLane == null ? 0 : protectedLane.capacity());
    }

    /** Per-lane produced counts now: a position events logged so far lie before. */
    long[] marks() {
        return new long[] {main.producedCount(), protectedLane == null ? 0 : protectedLane.producedCount()};
    }

    /** Whether every event before {@code marks} has been taken. */
    boolean consumedUpTo(long[] marks) {
        return main.consumedCount() >= marks[0] && (protectedLane == null || protectedLane.consumedCount() >= marks[1]);
    }

    long producedCount() {
        return main.producedCount() + (protectedLane == null ? 0 : protectedLane.producedCount());
    }

    long consumedCount() {
        return main.consumedCount() + (protectedLane == null ? 0 : protectedLane.consumedCount());
    }
}
