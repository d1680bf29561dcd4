package dev.fapilog.core;

import dev.fapilog.config.ValueLimits;
import dev.fapilog.spi.Fatal;

/**
 * What the worker does to one event before encoding it: gives it its time and message id, runs the filters,
 * enrichers, redactors and processors, and finds the sinks it is routed to. Every event that does not go on is counted
 * here with its reason. Worker thread only: the working event is reused for every event.
 */
final class EventPreparation {
    private final Stages stages;
    private final Accounting accounting;
    private final DiagnosticsChannel diagnostics;
    private final WorkingEvent work;
    private final MessageIds ids = new MessageIds();
    private final WallClock clock = new WallClock();

    EventPreparation(Stages stages, ValueLimits limits, Accounting accounting, DiagnosticsChannel diagnostics) {
        this.stages = stages;
        this.accounting = accounting;
        this.diagnostics = diagnostics;
        this.work = new WorkingEvent(limits);
    }

    /** The event last prepared, ready to encode. */
    WorkingEvent work() {
        return work;
    }

    /**
     * Prepares {@code e} into {@link #work()}.
     *
     * @return the sinks it goes to (a mask of runner indices; every sink without routing), or 0 when it does not go
     *     on (filtered, dropped by a stage or by routing, or failed), already counted
     */
    long prepare(LogEvent e, RouteTable routes) {
        try {
            long epochNanos = clock.epochNanos(e.nanoTime);
            ids.next(epochNanos);
            work.load(e, epochNanos, ids.msb(), ids.lsb());
            if (!stages.accept(work)) {
                accounting.filtered.incrementAndGet();
                return 0;
            }
            if (!stages.enrich(work) || !stages.redact(work) || !stages.process(work)) {
                accounting.runtimeDropped.add(work.dropReason(), 1);
                return 0;
            }
            long mask = routes.maskFor(work.level());
            if (mask == 0) {
                accounting.runtimeDropped.add("no_route", 1); // no rule and no fallback takes its level
            }
            return mask;
        } catch (Throwable unexpected) {
            Fatal.rethrowIfFatal(unexpected);
            diagnostics.warn(
                    "worker",
                    "event_failed",
                    "Could not prepare an event; it counts as failed(encoding)",
                    "error",
                    unexpected.toString());
            accounting.runtimeFailed.add("encoding", 1);
            return 0;
        }
    }
}
