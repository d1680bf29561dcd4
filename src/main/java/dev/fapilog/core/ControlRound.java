package dev.fapilog.core;

import java.util.concurrent.CountDownLatch;

/**
 * A flush or stop sent to every sink runner, group by group: the sinks first, then the fallback sinks that they may
 * still hand batches to while they work through their queues. Worker thread only.
 */
final class ControlRound {
    private final SinkControl.Kind kind;
    private final SinkRunner[][] groups;
    private int group = -1;
    private CountDownLatch acknowledged;

    ControlRound(SinkControl.Kind kind, SinkRunner[][] groups) {
        this.kind = kind;
        this.groups = groups;
    }

    /** Sends the control to the next group once the current one acknowledged; {@code true} when all have. */
    boolean advance() {
        while (acknowledged == null || acknowledged.getCount() == 0) {
            if (group == groups.length - 1) {
                return true;
            }
            group++;
            acknowledged = new CountDownLatch(groups[group].length);
            for (SinkRunner r : groups[group]) {
                r.control(new SinkControl(kind, acknowledged));
            }
        }
        return false;
    }

    /** Whether the current group has acknowledged (the worker then has something to do). */
    boolean groupAcknowledged() {
        return acknowledged != null && acknowledged.getCount() == 0;
    }
}
