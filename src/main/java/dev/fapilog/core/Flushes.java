package dev.fapilog.core;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The {@code flush()} calls the worker has to answer, oldest first: each completes once everything logged before it
 * has gone through the worker and every sink has flushed. Requests are added by any thread; progress is made by the
 * worker only.
 */
final class Flushes {
    private final ConcurrentLinkedQueue<FlushRequest> requests = new ConcurrentLinkedQueue<>();
    private FlushRequest active;

    /** Any thread. */
    void add(FlushRequest request) {
        requests.add(request);
    }

    /** Whether a flush is waiting or in progress (the batch then closes at once). */
    boolean pending() {
        return active != null || !requests.isEmpty();
    }

    /** Whether a request arrived that the worker has not started on. Any thread. */
    boolean waiting() {
        return !requests.isEmpty();
    }

    /**
     * Advances the oldest request: once nothing it covers is left in the worker's hands, asks every sink to flush,
     * and completes it when they have.
     *
     * @param covered whether the worker has taken everything up to the request's marks into sinks' hands
     * @return {@code true} if it completed one, worth looping for
     */
    boolean progress(java.util.function.Predicate<FlushRequest> covered, SinkRunner[][] runners) {
        if (active == null) {
            active = requests.poll();
            if (active == null) {
                return false;
            }
        }
        FlushRequest f = active;
        if (f.sinksFlushed == null) {
            if (!covered.test(f)) {
                return false;
            }
            f.sinksFlushed = new ControlRound(SinkControl.Kind.FLUSH, runners);
        }
        if (f.sinksFlushed.advance()) {
            f.done.complete(true);
            active = null;
            return true;
        }
        return false;
    }

    /** Completes every request with {@code result}: at the end of a drain, or an abort. */
    void completeAll(boolean result) {
        if (active != null) {
            active.done.complete(result);
            active = null;
        }
        FlushRequest f;
        while ((f = requests.poll()) != null) {
            f.done.complete(result);
        }
    }
}
