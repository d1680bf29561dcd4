package dev.fapilog.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What waits for one sink behind its current write: shares ({@link SinkTask}) and controls ({@link SinkControl}) in
 * order, with the bytes of the waiting shares counted so the runner can hold them within
 * {@code sink.<name>.max-pending-bytes}. Any thread may add; the sink's thread takes; the worker may remove or drain.
 */
final class SinkInbox {
    private final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private final AtomicLong bytes = new AtomicLong();

    int size() {
        return items.size();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Bytes of the shares waiting. */
    long bytes() {
        return bytes.get();
    }

    void add(Object item) {
        if (item instanceof SinkTask) {
            bytes.addAndGet(((SinkTask) item).length());
        }
        items.offer(item);
    }

    /** The next item, waiting at most {@code timeout}; {@code null} if none came. */
    Object poll(long timeout, TimeUnit unit) throws InterruptedException {
        return left(items.poll(timeout, unit));
    }

    /** Removes the oldest waiting share, or returns {@code null} when no share waits. */
    SinkTask removeOldestTask() {
        for (Object o : items) {
            if (o instanceof SinkTask && items.remove(o)) {
                return (SinkTask) left(o);
            }
        }
        return null;
    }

    /** Removes and returns everything waiting, in order. */
    List<Object> drain() {
        List<Object> out = new ArrayList<>();
        items.drainTo(out);
        out.forEach(this::left);
        return out;
    }

    private Object left(Object item) {
        if (item instanceof SinkTask) {
            bytes.addAndGet(-((SinkTask) item).length());
        }
        return item;
    }
}
