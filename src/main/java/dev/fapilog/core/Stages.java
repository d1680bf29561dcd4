package dev.fapilog.core;

import dev.fapilog.Plugin;
import dev.fapilog.config.RedactionFailMode;
import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.Fatal;
import dev.fapilog.spi.Filter;
import dev.fapilog.spi.PluginContext;
import dev.fapilog.spi.Processor;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-event plug-in chain run by the worker: filters, enrichers, redactors, processors, in that order. Each call
 * is isolated: a plug-in that throws never stops the worker or loses the event silently (what happens instead is
 * documented on each SPI type and reported on the diagnostics channel).
 */
final class Stages {
    private static final String GONE_ON = "the event went on without its effect";

    private final Filter[] filters;
    private final Enricher[] enrichers;
    private final Redactor[] redactors;
    private final Processor[] processors;
    /** Configured position of each filter and enricher here: some may have been left out at start. */
    private final int[] filterIndex;

    private final int[] enricherIndex;
    private final StageControls controls;
    private final RedactionFailMode failMode;
    private final DiagnosticsChannel diagnostics;

    Stages(
            List<Filter> filters,
            List<Enricher> enrichers,
            List<Redactor> redactors,
            List<Processor> processors,
            RedactionFailMode failMode,
            DiagnosticsChannel diagnostics) {
        this(
                filters,
                enrichers,
                redactors,
                processors,
                positions(filters.size()),
                positions(enrichers.size()),
                new StageControls(filters, enrichers),
                failMode,
                diagnostics);
    }

    private Stages(
            List<Filter> filters,
            List<Enricher> enrichers,
            List<Redactor> redactors,
            List<Processor> processors,
            int[] filterIndex,
            int[] enricherIndex,
            StageControls controls,
            RedactionFailMode failMode,
            DiagnosticsChannel diagnostics) {
        this.filters = filters.toArray(new Filter[0]);
        this.enrichers = enrichers.toArray(new Enricher[0]);
        this.redactors = redactors.toArray(new Redactor[0]);
        this.processors = processors.toArray(new Processor[0]);
        this.filterIndex = filterIndex;
        this.enricherIndex = enricherIndex;
        this.controls = controls;
        this.failMode = failMode;
        this.diagnostics = diagnostics;
    }

    private static int[] positions(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** The counters and switches the runtime exposes; the same object before and after {@link #start}. */
    StageControls controls() {
        return controls;
    }

    /** Starts every stage on the worker thread; a stage whose start fails is left out and reported. */
    Stages start(PluginContext context) {
        List<Filter> f = started(filters, context);
        List<Enricher> e = started(enrichers, context);
        return new Stages(
                f,
                e,
                started(redactors, context),
                started(processors, context),
                positionsOf(f, filters, filterIndex),
                positionsOf(e, enrichers, enricherIndex),
                controls,
                failMode,
                diagnostics);
    }

    private static <T> int[] positionsOf(List<T> kept, T[] all, int[] allIndex) {
        int[] p = new int[kept.size()];
        int k = 0;
        for (int i = 0; i < all.length && k < p.length; i++) {
            if (all[i] == kept.get(k)) {
                p[k++] = allIndex[i];
            }
        }
        return p;
    }

    private <T extends Plugin & Stage> List<T> started(T[] stages, PluginContext context) {
        List<T> ok = new ArrayList<>();
        for (T s : stages) {
            try {
                s.start(context);
                ok.add(s);
            } catch (Throwable failure) {
                Fatal.rethrowIfFatal(failure);
                diagnostics.warn(
                        "plugin",
                        "start_failed",
                        "Plug-in failed to start and is left out of the pipeline",
                        "plugin",
                        name(s),
                        "error",
                        failure.toString());
            }
        }
        return ok;
    }

    /** Stops every stage, processors first, each kind in reverse order. */
    void stop() {
        stopAll(processors);
        stopAll(redactors);
        stopAll(enrichers);
        stopAll(filters);
    }

    private <T extends Plugin & Stage> void stopAll(T[] stages) {
        for (int i = stages.length - 1; i >= 0; i--) {
            try {
                stages[i].stop();
            } catch (Throwable failure) {
                Fatal.rethrowIfFatal(failure);
                diagnostics.warn(
                        "plugin",
                        "stop_failed",
                        "Plug-in failed to stop",
                        "plugin",
                        name(stages[i]),
                        "error",
                        failure.toString());
            }
        }
    }

    /** {@code false} when a filter drops the event. */
    boolean accept(WorkingEvent event) {
        for (int i = 0; i < filters.length; i++) {
            Filter f = filters[i];
            try {
                if (!f.accept(event)) {
                    controls.filtered(filterIndex[i]);
                    return false;
                }
            } catch (Throwable failure) {
                Fatal.rethrowIfFatal(failure);
                failed("filter", f, failure, GONE_ON);
            }
        }
        return true;
    }

    /** {@code false} when an enricher dropped the event ({@link WorkingEvent#dropReason()} says why). */
    boolean enrich(WorkingEvent event) {
        for (int i = 0; i < enrichers.length; i++) {
            Enricher e = enrichers[i];
            if (!controls.enricherOn(enricherIndex[i])) {
                continue;
            }
            try {
                e.enrich(event);
            } catch (Throwable failure) {
                Fatal.rethrowIfFatal(failure);
                failed("enricher", e, failure, GONE_ON);
            }
            if (event.dropReason() != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code false} when the event is dropped: a redactor failed and the fail mode is {@code closed}
     * ({@code redaction_failed}), or a redactor dropped it; {@link WorkingEvent#dropReason()} says why.
     */
    boolean redact(WorkingEvent event) {
        if (event.isUnredacted()) {
            unredacted(event);
            return true;
        }
        for (Redactor r : redactors) {
            try {
                r.redact(event);
            } catch (Throwable failure) {
                Fatal.rethrowIfFatal(failure);
                if (failMode == RedactionFailMode.CLOSED) {
                    failed("redactor", r, failure, "the event was dropped (redaction.fail-mode=closed)");
                    event.drop("redaction_failed");
                } else if (failMode == RedactionFailMode.WARN) {
                    failed("redactor", r, failure, GONE_ON);
                }
            }
            if (event.dropReason() != null) {
                return false;
            }
        }
        return true;
    }

    /** {@code false} when a processor drops the event ({@link WorkingEvent#dropReason()} says why). */
    boolean process(WorkingEvent event) {
        for (Processor p : processors) {
            try {
                if (!p.process(event)) {
                    event.drop("processor");
                }
            } catch (Throwable failure) {
                Fatal.rethrowIfFatal(failure);
                failed("processor", p, failure, GONE_ON);
            }
            if (event.dropReason() != null) {
                return false;
            }
        }
        return true;
    }

    /** Written as logged, by the application's explicit choice: said on the diagnostics channel, rate-limited. */
    private void unredacted(WorkingEvent event) {
        diagnostics.warn(
                "redactor",
                "unredacted_event",
                "An event was written without redaction because the application asked for it (unsafeUnredacted)",
                "event_logger",
                event.logger());
    }

    private void failed(String kind, Plugin plugin, Throwable failure, String outcome) {
        diagnostics.warn(
                kind,
                "failed",
                "A " + kind + " threw; " + outcome,
                "plugin",
                name(plugin),
                "error",
                failure.toString());
    }

    static String name(Plugin p) {
        try {
            return p.name();
        } catch (Throwable t) {
            Fatal.rethrowIfFatal(t);
            return p.getClass().getName();
        }
    }
}
