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

    EventQueue(int mainCapacity, int protectedCapacity, Set<Level> protectedLevels) {
        this.main = new MpscLane<>(mainCapacity);
        this.protectedLevels = protectedLevels.toArray(new Level[0]);
        this.protectedLane =
                protectedLevels.isEmpty() || protectedCapacity == 0 ? null : new MpscLane<>(protectedCapacity);
    }

    /** {@link MpscLane#OK}, {@link MpscLane#FULL} or {@link MpscLane#CLOSED}. */
    int offer(LogEvent e) {
        return laneFor(e.level).offer(e);
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
        if (protectedLane == null) {
            return main.poll();
        }
        LogEvent a = main.peek();
        LogEvent b = protectedLane.peek();
        if (a == null) {
            return b == null ? null : protectedLane.poll();
        }
        if (b == null || a.epochNanos() <= b.epochNanos()) {
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
