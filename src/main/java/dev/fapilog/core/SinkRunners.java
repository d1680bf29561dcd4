package dev.fapilog.core;

import java.util.concurrent.CountDownLatch;

/**
 * The runners of one runtime as the worker sees them: the sinks every batch goes to, then the fallback-only sinks
 * (which get batches only from those), flushed and stopped in that order. Worker thread only.
 */
final class SinkRunners {
    private final SinkRunner[] main;
    private final SinkRunner[][] groups;

    SinkRunners(SinkRunner[] main, SinkRunner[] standby) {
        this.main = main;
        this.groups = standby.length == 0 ? new SinkRunner[][] {main} : new SinkRunner[][] {main, standby};
    }

    /** The sinks every batch is handed to. */
    SinkRunner[] main() {
        return main;
    }

    /** The sinks, then the fallback-only sinks. */
    SinkRunner[][] groups() {
        return groups;
    }

    /**
     * Settles every write that overran its deadline.
     *
     * @return the earliest nano time at which a running write will overrun, or {@code Long.MAX_VALUE}
     */
    long checkDeadlines(long now) {
        long next = Long.MAX_VALUE;
        for (SinkRunner[] group : groups) {
            for (SinkRunner r : group) {
                next = Math.min(next, r.checkDeadline(now));
            }
        }
        return next;
    }

    /**
     * No buffer is free. If some sink is idle while another has batches waiting, waiting would make the sink that
     * kept up pay for the one that did not (a failing sink in backoff, a slow one): so the lagging sink loses its
     * oldest waiting batch, counted as {@code dropped(sink_backlog)} for it alone. When every sink is busy, the sinks
     * as a whole are the limit and the worker waits, which gives the queue its backpressure as before.
     *
     * @return {@code true} if a batch was shed (the worker tries again at once)
     */
    boolean shedLagging() {
        if (main.length < 2) {
            return false;
        }
        boolean someIdle = false;
        SinkRunner lagging = null;
        int most = 0;
        for (SinkRunner r : main) {
            int backlog = r.backlog();
            if (backlog == 0 && r.isIdle()) {
                someIdle = true;
            } else if (backlog > most) {
                most = backlog;
                lagging = r;
            }
        }
        return someIdle && lagging != null && lagging.shedOldest();
    }

    /** Out of time during a drain: settles every write and queued batch, and lets healthy runners stop. */
    void abandonAll() {
        CountDownLatch ignored = new CountDownLatch(1);
        for (SinkRunner[] group : groups) {
            for (SinkRunner r : group) {
                r.abandonAll();
                r.control(new SinkControl(SinkControl.Kind.STOP, ignored)); // healthy runners close their sink, exit
            }
        }
    }
}
