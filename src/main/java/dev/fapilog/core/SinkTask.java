package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkWriteException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sink's share of a {@link Dispatch}. Settled exactly once, by whoever gets there first: the thread of the sink
 * writing it when the write returns, or the worker when the deadline passes, the sink is stalled or behind, or the
 * drain runs out of time. The compare-and-set on {@link #state} is what keeps every event counted once.
 *
 * <p>The share always counts for the sink it was dispatched to ({@link #counters}); while that sink's breaker is
 * open it may be written by the sink's fallback instead ({@link #executor} then names the fallback's runner).
 *
 * <p>It is also the {@link SinkBatch} the sink writes: a view of the shared lines plus this share's own progress
 * ({@link #commit}, {@link #drop}), so a sink that delivers in parts gets each event counted for what happened to it.
 */
final class SinkTask implements SinkBatch {
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
    /** Lines handled by the sink so far ({@link #commit}); written by the sink's thread. */
    private volatile int committed;
    /** Lines the sink dropped, by index, with the reason; made at the first drop. */
    private volatile String[] drops;

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
        int done = Math.min(committed, events);
        String[] dropped = drops;
        if (done == 0 && dropped == null) {
            count(counters, outcome, reason, events);
            counters.unsettled.addAndGet(-events);
            batch.release(writerMayStillRead);
            dispatch.sinkSettled(runnerIndex, outcome, reason);
        } else {
            settleByLine(outcome, reason, done, dropped);
            batch.release(writerMayStillRead);
        }
        return true;
    }

    /** A share delivered in parts: each line counts for what happened to it, here and in the dispatch. */
    private void settleByLine(int outcome, String reason, int done, String[] dropped) {
        byte[] lineOutcomes = new byte[events];
        String[] lineReasons = new String[events];
        for (int i = 0; i < events; i++) {
            if (dropped != null && dropped[i] != null) {
                lineOutcomes[i] = Dispatch.DROPPED;
                lineReasons[i] = dropped[i];
            } else if (i >= done) {
                lineOutcomes[i] = (byte) outcome;
                lineReasons[i] = reason;
            }
            count(counters, lineOutcomes[i], lineReasons[i], 1);
        }
        counters.unsettled.addAndGet(-events);
        dispatch.sinkSettled(runnerIndex, lineOutcomes, lineReasons, batch.sources());
    }

    private static void count(Accounting.SinkCounters c, int outcome, String reason, int n) {
        if (outcome == Dispatch.DELIVERED) {
            c.delivered.addAndGet(n);
        } else if (outcome == Dispatch.DROPPED) {
            c.dropped.add(reason, n);
        } else {
            c.failed.add(reason, n);
        }
    }

    @Override
    public int committed() {
        return committed;
    }

    @Override
    public void commit(int upTo) {
        if (upTo > committed) {
            committed = Math.min(upTo, events);
        }
    }

    @Override
    public void drop(int index, String reason) {
        SinkWriteException.requireReason(reason);
        java.util.Objects.checkIndex(index, events);
        String[] d = drops;
        if (d == null) {
            d = new String[events];
        }
        d[index] = reason;
        drops = d; // volatile write publishes the entry to a worker settling after a timeout
    }

    @Override
    public int size() {
        return events;
    }

    @Override
    public byte[] array() {
        return batch.array();
    }

    @Override
    public int offset() {
        return batch.offset();
    }

    @Override
    public int length() {
        return batch.length();
    }

    @Override
    public int lineStart(int index) {
        return batch.lineStart(index);
    }

    @Override
    public int lineEnd(int index) {
        return batch.lineEnd(index);
    }

    @Override
    public Level level(int index) {
        return batch.level(index);
    }
}
