package dev.fapilog.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sink's share of a {@link Dispatch}. Settled exactly once, by whoever gets there first: the sink's thread when
 * the write returns, or the worker when the deadline passes, the sink is stalled, or the drain runs out of time. The
 * compare-and-set on {@link #state} is what keeps every event counted once.
 */
final class SinkTask {
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int SETTLED = 2;

    final Dispatch dispatch;
    final EncodedBatch batch;
    final SinkRunner runner;
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    SinkTask(Dispatch dispatch, EncodedBatch batch, SinkRunner runner) {
        this.dispatch = dispatch;
        this.batch = batch;
        this.runner = runner;
    }

    /** Claims the task for writing; {@code false} if it was settled already. */
    boolean begin() {
        return state.compareAndSet(QUEUED, RUNNING);
    }

    /** Settles the task; {@code false} if someone else already did. */
    boolean settle(int outcome, String reason) {
        int s;
        do {
            s = state.get();
            if (s == SETTLED) {
                return false;
            }
        } while (!state.compareAndSet(s, SETTLED));
        boolean writerMayStillRead = s == RUNNING && Thread.currentThread() != runner.thread();
        Accounting.SinkCounters c = runner.counters();
        int n = dispatch.events;
        if (outcome == Dispatch.DELIVERED) {
            c.delivered.addAndGet(n);
        } else if (outcome == Dispatch.DROPPED) {
            c.dropped.add(reason, n);
        } else {
            c.failed.add(reason, n);
        }
        c.unsettled.addAndGet(-n);
        batch.release(writerMayStillRead);
        dispatch.sinkSettled(outcome, reason);
        return true;
    }
}
