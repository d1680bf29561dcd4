package dev.fapilog.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch fanned out to its sinks. When the last sink settles its share, the batch's events get their total
 * outcome: delivered when every sink they went to delivered them, otherwise failed when any of those failed them,
 * otherwise dropped. Without routing every sink gets every event; with routing, events are grouped by the set of
 * sinks they go to (a bit mask of runner indices) and each group gets the outcome of its own sinks.
 */
final class Dispatch {
    static final int DELIVERED = 0;
    static final int DROPPED = 1;
    static final int FAILED = 2;

    final int events;
    private final AtomicInteger unsettledSinks;
    private final Accounting accounting;
    private int worst = DELIVERED;
    private String worstReason;

    /** Routed batches only: each group's sinks and size, and each runner's outcome. */
    private final long[] groupMasks;

    private final int[] groupCounts;
    private final int[] outcomes;
    private final String[] reasons;

    /** Every one of {@code sinks} sinks gets every event. */
    Dispatch(int events, int sinks, Accounting accounting) {
        this(events, sinks, accounting, null, null, 0);
    }

    /**
     * Routed: {@code groupCounts[g]} events go to the runners in {@code groupMasks[g]}.
     *
     * @param sinks the runners that get any event (each settles once)
     * @param runners how many runners the runtime has
     */
    Dispatch(int events, int sinks, Accounting accounting, long[] groupMasks, int[] groupCounts, int runners) {
        this.events = events;
        this.unsettledSinks = new AtomicInteger(sinks);
        this.accounting = accounting;
        this.groupMasks = groupMasks;
        this.groupCounts = groupCounts;
        this.outcomes = groupMasks == null ? null : new int[runners];
        this.reasons = groupMasks == null ? null : new String[runners];
    }

    void sinkSettled(int runner, int outcome, String reason) {
        synchronized (this) {
            if (outcomes != null) {
                outcomes[runner] = outcome;
                reasons[runner] = reason;
            } else if (outcome > worst) {
                worst = outcome;
                worstReason = reason;
            }
        }
        if (unsettledSinks.decrementAndGet() != 0) {
            return;
        }
        synchronized (this) {
            if (outcomes == null) {
                count(worst, worstReason, events);
                return;
            }
            for (int g = 0; g < groupMasks.length; g++) {
                int groupWorst = DELIVERED;
                String groupReason = null;
                for (long m = groupMasks[g]; m != 0; m &= m - 1) {
                    int r = Long.numberOfTrailingZeros(m);
                    if (outcomes[r] > groupWorst) {
                        groupWorst = outcomes[r];
                        groupReason = reasons[r];
                    }
                }
                count(groupWorst, groupReason, groupCounts[g]);
            }
        }
    }

    private void count(int outcome, String reason, int n) {
        if (outcome == DELIVERED) {
            accounting.totalDelivered.addAndGet(n);
        } else if (outcome == DROPPED) {
            accounting.totalDropped.add(reason, n);
        } else {
            accounting.totalFailed.add(reason, n);
        }
        accounting.inFlight.addAndGet(-n);
    }
}
