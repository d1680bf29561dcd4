package dev.fapilog.core;

import dev.fapilog.Plugin;
import dev.fapilog.spi.Enricher;
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
    private final RedactionFailMode failMode;
    private final DiagnosticsChannel diagnostics;

    Stages(
            List<Filter> filters,
            List<Enricher> enrichers,
            List<Redactor> redactors,
            List<Processor> processors,
            RedactionFailMode failMode,
            DiagnosticsChannel diagnostics) {
        this.filters = filters.toArray(new Filter[0]);
        this.enrichers = enrichers.toArray(new Enricher[0]);
        this.redactors = redactors.toArray(new Redactor[0]);
        this.processors = processors.toArray(new Processor[0]);
        this.failMode = failMode;
        this.diagnostics = diagnostics;
    }

    /** Starts every stage on the worker thread; a stage whose start fails is left out and reported. */
    Stages start(PluginContext context) {
        return new Stages(
                started(filters, context),
                started(enrichers, context),
                started(redactors, context),
                started(processors, context),
                failMode,
                diagnostics);
    }

    private <T extends Plugin & Stage> List<T> started(T[] stages, PluginContext context) {
        List<T> ok = new ArrayList<>();
        for (T s : stages) {
            try {
                s.start(context);
                ok.add(s);
            } catch (Throwable failure) {
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
        for (Filter f : filters) {
            try {
                if (!f.accept(event)) {
                    return false;
                }
            } catch (Throwable failure) {
                failed("filter", f, failure, GONE_ON);
            }
        }
        return true;
    }

    void enrich(WorkingEvent event) {
        for (Enricher e : enrichers) {
            try {
                e.enrich(event);
            } catch (Throwable failure) {
                failed("enricher", e, failure, GONE_ON);
            }
        }
    }

    /** {@code false} when a redactor failed and the fail mode is {@code closed}. */
    boolean redact(WorkingEvent event) {
        for (Redactor r : redactors) {
            try {
                r.redact(event);
            } catch (Throwable failure) {
                if (failMode == RedactionFailMode.CLOSED) {
                    failed("redactor", r, failure, "the event was dropped (redaction.fail-mode=closed)");
                    return false;
                }
                if (failMode == RedactionFailMode.WARN) {
                    failed("redactor", r, failure, GONE_ON);
                }
            }
        }
        return true;
    }

    /** {@code false} when a processor drops the event. */
    boolean process(WorkingEvent event) {
        for (Processor p : processors) {
            try {
                if (!p.process(event)) {
                    return false;
                }
            } catch (Throwable failure) {
                failed("processor", p, failure, GONE_ON);
            }
        }
        return true;
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

    private static String name(Plugin p) {
        try {
            return p.name();
        } catch (Throwable t) {
            return p.getClass().getName();
        }
    }
}
