package dev.fapilog.jaxrs;

/**
 * Counts the requests between the request filter and their completion event, so that the application's end can wait
 * for them (bounded by the drain deadline) before the runtime drains. Thread-safe.
 */
final class InFlightRequests {
    private int count;

    synchronized void begin() {
        count++;
    }

    synchronized void end() {
        if (count > 0 && --count == 0) {
            notifyAll();
        }
    }

    /** Waits until no request is in flight or {@code deadlineNanos} ({@link System#nanoTime()}) has passed. */
    synchronized void awaitIdle(long deadlineNanos) {
        try {
            long left;
            while (count > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
                wait(Math.max(1, left / 1_000_000), 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the container is in a hurry: stop waiting, keep the flag
        }
    }
}
