package dev.fapilog.core;

import dev.fapilog.Acceptance;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The async facade's offers that found their lane full under {@code wait}: added by callers, taken by the worker into
 * a batch (or expired), in order. Their stages complete on a callback thread of the runtime's thread factory, never on
 * the worker, so that an application's continuation cannot stall the pipeline. Thread-safe.
 */
final class AsyncWaits {
    private final ConcurrentLinkedQueue<PendingOffer> waits = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private volatile ThreadFactory threadFactory;
    private volatile ExecutorService callbacks;

    /** The thread factory of the callback thread, given when the runtime launches (waits only begin after that). */
    void useThreads(ThreadFactory factory) {
        this.threadFactory = factory;
    }

    /** How many offers wait. */
    int count() {
        return count.get();
    }

    /** The sequence number of the latest wait added (a flush covers the waits up to it). */
    long lastSequence() {
        return sequence.get();
    }

    /** Adds a wait for {@code event}, behind everything offered up to {@code marks}, expiring at the deadline. */
    PendingOffer add(LogEvent event, long[] marks, long deadlineNanos) {
        PendingOffer w = new PendingOffer(event, marks, deadlineNanos, sequence.incrementAndGet());
        count.incrementAndGet();
        waits.add(w);
        return w;
    }

    /** The oldest wait, or {@code null}. */
    PendingOffer peek() {
        return waits.peek();
    }

    /** Takes a wait out; {@code false} if another thread took it first. */
    boolean take(PendingOffer w) {
        if (waits.remove(w)) {
            count.decrementAndGet();
            return true;
        }
        return false;
    }

    /** How many waits with a sequence up to {@code last} are still waiting. */
    int before(long last) {
        if (count.get() == 0) {
            return 0;
        }
        int n = 0;
        for (PendingOffer w : waits) {
            if (w.sequence <= last) {
                n++;
            }
        }
        return n;
    }

    /** Completes a taken wait's stage on the callback thread. */
    void complete(PendingOffer w, Acceptance a) {
        try {
            callbackExecutor().execute(() -> w.result.complete(a));
        } catch (RejectedExecutionException shutDown) {
            w.result.complete(a);
        }
    }

    /** Lets the callback thread end once its queue is empty; later completions run on the completing thread. */
    void shutdown() {
        ExecutorService cb = callbacks;
        if (cb != null) {
            cb.shutdown();
        }
    }

    private ExecutorService callbackExecutor() {
        ExecutorService cb = callbacks;
        if (cb == null) {
            synchronized (this) {
                cb = callbacks;
                if (cb == null) {
                    ThreadPoolExecutor pool = new ThreadPoolExecutor(
                            1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
                    pool.allowCoreThreadTimeOut(true);
                    callbacks = cb = pool;
                }
            }
        }
        return cb;
    }
}
