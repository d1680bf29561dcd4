package dev.fapilog.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch fanned out to every sink. When the last sink settles it, its events get their total outcome: delivered
 * when every sink delivered them, otherwise failed when any sink failed them, otherwise dropped.
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

    Dispatch(int events, int sinks, Accounting accounting) {
        this.events = events;
        this.unsettledSinks = new AtomicInteger(sinks);
        this.accounting = accounting;
    }

    void sinkSettled(int outcome, String reason) {
        synchronized (this) {
            if (outcome > worst) {
                worst = outcome;
                worstReason = reason;
            }
        }
        if (unsettledSinks.decrementAndGet() == 0) {
            int outcomeNow;
            String reasonNow;
            synchronized (this) {
                outcomeNow = worst;
                reasonNow = worstReason;
            }
            if (outcomeNow == DELIVERED) {
                accounting.totalDelivered.addAndGet(events);
            } else if (outcomeNow == DROPPED) {
                accounting.totalDropped.add(reasonNow, events);
            } else {
                accounting.totalFailed.add(reasonNow, events);
            }
            accounting.inFlight.addAndGet(-events);
        }
    }
}
