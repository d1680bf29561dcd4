package dev.fapilog.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/** A flush or stop request queued to one sink behind its batches; acknowledged once. */
final class SinkControl {
    enum Kind {
        FLUSH,
        STOP
    }

    final Kind kind;
    private final CountDownLatch latch;
    private final AtomicBoolean acknowledged = new AtomicBoolean();

    SinkControl(Kind kind, CountDownLatch latch) {
        this.kind = kind;
        this.latch = latch;
    }

    void acknowledge() {
        if (acknowledged.compareAndSet(false, true)) {
            latch.countDown();
        }
    }
}
