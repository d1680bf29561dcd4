package dev.fapilog.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch fanned out to its sinks. When the last sink settles its share, the batch's events get their total
 * outcome: delivered when every sink they went to delivered them, otherwise failed when any of those failed them,
 * otherwise dropped. Without routing every sink gets every event; with routing, events are grouped by the set of
 * sinks they go to (a bit mask of runner indices) and each group gets the outcome of its own sinks. A sink that
 * delivered its share in parts reports an outcome per line; the batch is then counted event by event, each event
 * getting the worst outcome among the sinks it went to.
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
    /** Routed batches only: each runner's lines as indices of this batch's events ({@code null} for all of them). */
    private final int[][] sources;

    /** Once a sink reported by line: the worst outcome so far of each event, and its reason. */
    private byte[] eventWorst;

    private String[] eventReasons;

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
        this.sources = groupMasks == null ? null : new int[runners][];
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
        finishIfLast();
    }

    /**
     * A share settled line by line.
     *
     * @param lineSources the event index of each line ({@code null}: line {@code i} is event {@code i})
     */
    void sinkSettled(int runner, byte[] lineOutcomes, String[] lineReasons, int[] lineSources) {
        synchronized (this) {
            if (eventWorst == null) {
                eventWorst = new byte[events];
                eventReasons = new String[events];
            }
            for (int i = 0; i < lineOutcomes.length; i++) {
                worsen(lineSources == null ? i : lineSources[i], lineOutcomes[i], lineReasons[i]);
            }
            if (outcomes != null) {
                outcomes[runner] = -1; // merged already
            }
        }
        finishIfLast();
    }

    /** Routed: which events a runner's share holds, for counting by event should another sink report by line. */
    void shareOf(int runner, int[] lineSources) {
        if (sources != null) {
            sources[runner] = lineSources;
        }
    }

    private void worsen(int event, int outcome, String reason) {
        if (outcome > eventWorst[event]) {
            eventWorst[event] = (byte) outcome;
            eventReasons[event] = reason;
        }
    }

    private void finishIfLast() {
        if (unsettledSinks.decrementAndGet() != 0) {
            return;
        }
        synchronized (this) {
            if (eventWorst != null) {
                countByEvent();
                return;
            }
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

    /** Some sink reported by line: fold in the sinks that reported one outcome, then count each event. */
    private void countByEvent() {
        if (outcomes == null) {
            for (int e = 0; e < events; e++) {
                worsen(e, worst, worstReason);
            }
        } else {
            long involved = 0;
            for (long mask : groupMasks) {
                involved |= mask;
            }
            for (long m = involved; m != 0; m &= m - 1) {
                int r = Long.numberOfTrailingZeros(m);
                if (outcomes[r] <= DELIVERED) {
                    continue; // delivered changes nothing; -1 was merged by line
                }
                int[] lines = sources[r];
                if (lines == null) {
                    for (int e = 0; e < events; e++) {
                        worsen(e, outcomes[r], reasons[r]);
                    }
                } else {
                    for (int e : lines) {
                        worsen(e, outcomes[r], reasons[r]);
                    }
                }
            }
        }
        for (int e = 0; e < events; e++) {
            count(eventWorst[e], eventReasons[e], 1);
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
