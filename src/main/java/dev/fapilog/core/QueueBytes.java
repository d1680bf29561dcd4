package dev.fapilog.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue's byte budget ({@code queue.max-bytes}): the event count bounds ordinary events, and this bounds what large
 * ones add, so a hung sink and 100 KB fields fill a bounded queue instead of the heap. Only an event bigger than
 * {@link EventSizes#BASELINE} touches the shared counter, so the common log call pays nothing for it. Thread-safe.
 */
final class QueueBytes {
    private final long max;
    private final AtomicLong used = new AtomicLong();

    QueueBytes(long max) {
        this.max = max;
    }

    /** Charges an event's excess bytes; {@code false} (nothing charged) if they do not fit. */
    boolean tryCharge(LogEvent e) {
        int n = e.excessBytes;
        if (n == 0) {
            return true;
        }
        if (used.addAndGet(n) > max) {
            used.addAndGet(-n);
            return false;
        }
        return true;
    }

    /** Gives back what {@link #tryCharge} took, once the event left the queue (or was not queued after all). */
    void release(LogEvent e) {
        if (e.excessBytes != 0) {
            used.addAndGet(-e.excessBytes);
        }
    }

    long used() {
        return used.get();
    }
}
