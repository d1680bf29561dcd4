package dev.fapilog.core;

import dev.fapilog.PipelineStats;
import dev.fapilog.SinkStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every counter of one runtime, and the arithmetic that turns them into {@link PipelineStats}.
 *
 * <p>An event is counted exactly once, in the place where it reaches a final state:
 *
 * <ul>
 *   <li>at intake (caller thread): {@code dropped(queue_full | after_shutdown | pipeline_thread)};
 *   <li>on the worker before fan-out: {@code filtered}, {@code dropped(redaction_failed | processor |
 *       shutdown_timeout | queue_full)} (the last for async waits that expired), {@code failed(encoding)};
 *   <li>per sink, when its write settles: delivered, {@code failed(exception | timeout)},
 *       {@code dropped(sink_stalled | sink_backlog | circuit_open | fallback_unavailable | shutdown_timeout)}; a
 *       share written by the sink's fallback counts for the sink by the fallback's outcome;
 *   <li>in total, when every sink has settled a batch: delivered if all delivered, else failed if any failed, else
 *       dropped.
 * </ul>
 *
 * {@code submitted} is not a counter of its own: it is derived from the queue's producer index (which the offer
 * increments anyway), plus intake drops and async waits, so the hot path pays for no extra atomic operation. Intake
 * drops are read once per snapshot and used for both {@code submitted} and {@code dropped}, so threads that keep
 * logging after a drain cannot unbalance a finished drain's result.
 * {@code pending} is measured from the structures that hold events (queue, async waits, the worker's hands, sink
 * batches in flight), not derived from the other counters, so the equation is a real check.
 */
final class Accounting {
    /** Drops on the caller thread, kept apart so one read of it serves both {@code submitted} and {@code dropped}. */
    final ReasonCounters intakeDropped = new ReasonCounters();

    final ReasonCounters runtimeDropped = new ReasonCounters();
    final ReasonCounters runtimeFailed = new ReasonCounters();
    final AtomicLong filtered = new AtomicLong();
    final LongAdder asyncWaitsStarted = new LongAdder();
    final LongAdder backpressureWaits = new LongAdder();
    final AtomicLong inWorkerHands = new AtomicLong();
    final AtomicLong highWaterMark = new AtomicLong();

    final AtomicLong totalDelivered = new AtomicLong();
    final ReasonCounters totalDropped = new ReasonCounters();
    final ReasonCounters totalFailed = new ReasonCounters();
    final AtomicLong inFlight = new AtomicLong();

    private final Map<String, SinkCounters> sinks = new LinkedHashMap<>();

    /** Counters of one sink. */
    static final class SinkCounters {
        final String name;
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong unsettled = new AtomicLong();
        /** Events routed to other sinks only (routing by level). */
        final AtomicLong notRouted = new AtomicLong();
        /** Events handed to the sink's fallback (counted again by the fallback's outcome). */
        final AtomicLong diverted = new AtomicLong();

        final ReasonCounters dropped = new ReasonCounters();
        final ReasonCounters failed = new ReasonCounters();

        SinkCounters(String name) {
            this.name = name;
        }
    }

    Accounting(List<String> sinkNames) {
        for (String name : sinkNames) {
            sinks.put(name, new SinkCounters(name));
        }
    }

    SinkCounters sink(String name) {
        return sinks.get(name);
    }

    void droppedAtIntake(String reason) {
        intakeDropped.add(reason, 1);
    }

    void queueDepthSeen(long depth) {
        long hwm = highWaterMark.get();
        while (depth > hwm && !highWaterMark.compareAndSet(hwm, depth)) {
            hwm = highWaterMark.get();
        }
    }

    PipelineStats snapshot(EventQueue queue, int asyncWaiting) {
        Map<String, Long> droppedByReason = intakeDropped.snapshot();
        long intakeTotal = 0;
        for (long v : droppedByReason.values()) {
            intakeTotal += v;
        }
        long submitted = queue.producedCount() + intakeTotal + asyncWaitsStarted.sum();
        long runtimePending =
                Math.max(0, queue.producedCount() - queue.consumedCount()) + asyncWaiting + inWorkerHands.get();

        runtimeDropped.addTo(droppedByReason);
        Map<String, Long> failedByReason = new TreeMap<>();
        runtimeFailed.addTo(failedByReason);
        long runtimeDroppedTotal = intakeTotal + runtimeDropped.total();
        long runtimeFailedTotal = runtimeFailed.total();
        long filteredNow = filtered.get();

        Map<String, SinkStats> perSink = new LinkedHashMap<>();
        long retries = 0;
        for (SinkCounters s : sinks.values()) {
            Map<String, Long> d = new TreeMap<>(droppedByReason);
            s.dropped.addTo(d);
            Map<String, Long> f = new TreeMap<>(failedByReason);
            s.failed.addTo(f);
            retries += s.retries.get();
            perSink.put(
                    s.name,
                    new SinkStats(
                            s.name,
                            s.delivered.get(),
                            filteredNow,
                            s.notRouted.get(),
                            runtimeDroppedTotal + s.dropped.total(),
                            runtimeFailedTotal + s.failed.total(),
                            runtimePending + s.unsettled.get(),
                            s.retries.get(),
                            d,
                            f));
        }
        totalDropped.addTo(droppedByReason);
        totalFailed.addTo(failedByReason);
        long hwm = highWaterMark.get();
        return new PipelineStats(
                submitted,
                totalDelivered.get(),
                filteredNow,
                runtimeDroppedTotal + totalDropped.total(),
                runtimeFailedTotal + totalFailed.total(),
                runtimePending + inFlight.get(),
                retries,
                backpressureWaits.sum(),
                queue.capacity(),
                hwm,
                droppedByReason,
                failedByReason,
                perSink);
    }
}
