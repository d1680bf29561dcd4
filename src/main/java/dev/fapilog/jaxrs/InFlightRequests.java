package dev.fapilog.jaxrs;

/**
 * Counts the requests between the request filter and their completion event, so that the application's end can wait
 * for them (bounded by the drain deadline) before the runtime drains. Thread-safe.
 *
 * <p>Two counts, because the completion event of a response with an entity is written after the entity, by a writer
 * interceptor that a JAX-RS runtime may skip when it cannot write the entity at all. A request counts as
 * <em>unanswered</em> until its response filter ran, and as <em>unlanded</em> until its event was queued. The wait
 * covers unanswered requests up to the deadline, and unlanded ones for at most {@link #LANDING_GRACE_NANOS} more, so
 * an event that never comes cannot hold a shutdown for long.
 */
final class InFlightRequests {
    static final long LANDING_GRACE_NANOS = 1_000_000_000L;

    private int unanswered;
    private int unlanded;

    synchronized void begin() {
        unanswered++;
        unlanded++;
    }

    synchronized void answered() {
        if (unanswered > 0 && --unanswered == 0) {
            notifyAll();
        }
    }

    synchronized void landed() {
        if (unlanded > 0 && --unlanded == 0) {
            notifyAll();
        }
    }

    /** Waits as described above, until {@code deadlineNanos} ({@link System#nanoTime()}) at the latest. */
    synchronized void awaitIdle(long deadlineNanos) {
        try {
            waitWhile(true, deadlineNanos);
            waitWhile(false, Math.min(deadlineNanos, System.nanoTime() + LANDING_GRACE_NANOS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the container is in a hurry: stop waiting, keep the flag
        }
    }

    private void waitWhile(boolean forAnswers, long untilNanos) throws InterruptedException {
        long left;
        while ((forAnswers ? unanswered : unlanded) > 0 && (left = untilNanos - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
