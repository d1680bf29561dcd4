package dev.fapilog.enrich;

import dev.fapilog.spi.CallerCapture;
import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.Fatal;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.PluginContext;
import dev.fapilog.spi.Section;

/**
 * {@code trace-context}: makes sure {@code context.trace_id} and {@code context.span_id} are set when the event
 * belongs to a trace. In order: ids already in the event (from {@code LogContext}, bound fields or the call, such as
 * the JAX-RS filter's); a W3C {@code traceparent} value in {@code context} or {@code data} (parsed strictly; an invalid
 * one is ignored); the OpenTelemetry API's current span on the logging thread, when the API is on the class path
 * (not required). The span is read on the caller thread, where it is current ({@link CallerCapture}); the ids are
 * written on the worker.
 */
final class TraceContextEnricher implements Enricher, CallerCapture {
    private final OpenTelemetrySpans spans;

    /** Uses the OpenTelemetry API visible to this library's or the thread's context class loader, if any. */
    public TraceContextEnricher() {
        this(findSpans());
    }

    private TraceContextEnricher(OpenTelemetrySpans spans) {
        this.spans = spans;
    }

    /** An enricher that ignores OpenTelemetry even when it is there. */
    public static TraceContextEnricher withoutOpenTelemetry() {
        return new TraceContextEnricher(null);
    }

    private static OpenTelemetrySpans findSpans() {
        OpenTelemetrySpans s = OpenTelemetrySpans.find(TraceContextEnricher.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return s != null || context == null ? s : OpenTelemetrySpans.find(context);
    }

    @Override
    public String name() {
        return "trace-context";
    }

    /** Whether the OpenTelemetry API was found. */
    public boolean usesOpenTelemetry() {
        return spans != null;
    }

    @Override
    public void start(PluginContext context) {
        context.diagnostics()
                .info(
                        "enricher",
                        "trace_context",
                        spans != null
                                ? "trace-context reads the OpenTelemetry API's current span"
                                : "trace-context: the OpenTelemetry API is not on the class path; using traceparent"
                                        + " and LogContext only");
    }

    @Override
    public Object capture() {
        if (spans == null) {
            return null;
        }
        try {
            return spans.currentContext();
        } catch (Throwable broken) {
            Fatal.rethrowIfFatal(broken);
            return null;
        }
    }

    @Override
    public void enrich(MutableEvent event) {
        if (event.get(Section.CONTEXT, "trace_id") != null) {
            return;
        }
        Object header = event.get(Section.CONTEXT, "traceparent");
        if (header == null) {
            header = event.get(Section.DATA, "traceparent");
        }
        TraceParent parsed = header instanceof String ? TraceParent.parse((String) header) : null;
        if (parsed != null) {
            event.put(Section.CONTEXT, "trace_id", parsed.traceId());
            event.put(Section.CONTEXT, "span_id", parsed.spanId());
            return;
        }
        Object span = event.captured();
        if (span != null && spans != null) {
            try {
                event.put(Section.CONTEXT, "trace_id", spans.traceId(span));
                event.put(Section.CONTEXT, "span_id", spans.spanId(span));
            } catch (Throwable broken) {
                Fatal.rethrowIfFatal(broken);
                // A span object from another API version: the event goes on without ids.
            }
        }
    }
}
