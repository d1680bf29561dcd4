package dev.fapilog.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sink's share of a {@link Dispatch}. Settled exactly once, by whoever gets there first: the thread of the sink
 * writing it when the write returns, or the worker when the deadline passes, the sink is stalled or behind, or the
 * drain runs out of time. The compare-and-set on {@link #state} is what keeps every event counted once.
 *
 * <p>The share always counts for the sink it was dispatched to ({@link #counters}); while that sink's breaker is
 * open it may be written by the sink's fallback instead ({@link #executor} then names the fallback's runner).
 */
final class SinkTask {
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int SETTLED = 2;

    final Dispatch dispatch;
    final EncodedBatch batch;
    /** Events in this share (all of the dispatch's, or those routed to this sink). */
    final int events;
    /** The index of the runner the share was dispatched to, for the dispatch's outcome by group. */
    final int runnerIndex;
    /** The counters of the sink the share belongs to. */
    final Accounting.SinkCounters counters;
    /** The runner that writes it: the owner's, or its fallback's once diverted. */
    volatile SinkRunner executor;
    /** The breaker's one probe: written even though the breaker is not closed. */
    volatile boolean probe;

    private final AtomicInteger state = new AtomicInteger(QUEUED);

    SinkTask(Dispatch dispatch, EncodedBatch batch, SinkRunner runner, int runnerIndex) {
        this.dispatch = dispatch;
        this.batch = batch;
        this.events = batch.size();
        this.runnerIndex = runnerIndex;
        this.executor = runner;
        this.counters = runner.counters();
    }

    /** Whether the share was handed to a fallback. */
    boolean diverted() {
        return executor.counters() != counters;
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
        boolean writerMayStillRead = s == RUNNING && Thread.currentThread() != executor.thread();
        Accounting.SinkCounters c = counters;
        int n = events;
        if (outcome == Dispatch.DELIVERED) {
            c.delivered.addAndGet(n);
        } else if (outcome == Dispatch.DROPPED) {
            c.dropped.add(reason, n);
        } else {
            c.failed.add(reason, n);
        }
        c.unsettled.addAndGet(-n);
        batch.release(writerMayStillRead);
        dispatch.sinkSettled(runnerIndex, outcome, reason);
        return true;
    }
}
