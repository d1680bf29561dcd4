package dev.fapilog.jaxrs;

import dev.fapilog.LogContext;
import dev.fapilog.enrich.TraceParent;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the integration knows about one request, from the pre-matching filter to the completion event. Shared between
 * the request thread and, for asynchronous resources, the thread that resumes the response. Thread-safe.
 */
final class RequestRecord {
    /** The request property under which the record travels with the request. */
    static final String PROPERTY = RequestRecord.class.getName();

    final long startNanos = System.nanoTime();
    final String method;
    final String path;
    final String correlationId;
    final TraceParent trace;
    final String userId;
    final String tenantId;
    final String userAgent;
    final String clientAddress;
    final String forwardedFor;
    final Map<String, Object> headers;
    final boolean sampled;
    /** The request's context entries, the same ones the request thread sees in {@link LogContext}. */
    final LogContext.Snapshot context;

    private final AtomicBoolean completed = new AtomicBoolean();
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicBoolean landed = new AtomicBoolean();
    private volatile Throwable failure;
    private volatile LogContext.Scope scope;
    private volatile Thread scopeOwner;
    private volatile InFlightRequests inFlight;

    RequestRecord(
            String method,
            String path,
            String correlationId,
            TraceParent trace,
            String userId,
            String tenantId,
            String userAgent,
            String clientAddress,
            String forwardedFor,
            Map<String, Object> headers,
            boolean sampled) {
        this.method = method;
        this.path = path;
        this.correlationId = correlationId;
        this.trace = trace;
        this.userId = userId;
        this.tenantId = tenantId;
        this.userAgent = userAgent;
        this.clientAddress = clientAddress;
        this.forwardedFor = forwardedFor;
        this.headers = headers;
        this.sampled = sampled;
        LogContext.Snapshot s =
                LogContext.Snapshot.EMPTY.with("correlation_id", correlationId).with("request_id", correlationId);
        if (trace != null) {
            s = s.with("trace_id", trace.traceId()).with("span_id", trace.spanId());
        }
        if (userId != null) {
            s = s.with("user_id", userId);
        }
        if (tenantId != null) {
            s = s.with("tenant_id", tenantId);
        }
        this.context = s;
    }

    /**
     * Makes the request's context the calling thread's {@link LogContext}. It replaces whatever was there, so a
     * context that another request left behind on a pooled thread cannot mix into this one.
     */
    void attach() {
        scopeOwner = Thread.currentThread();
        scope = context.attach();
    }

    /** Removes the request's context from the calling thread, if that thread attached it; otherwise does nothing. */
    void detach() {
        LogContext.Scope s = scope;
        if (s != null && scopeOwner == Thread.currentThread()) {
            scope = null;
            s.close();
        }
    }

    /** Records the exception that escaped the resource; the first one wins. */
    void failed(Throwable t) {
        if (failure == null && t != null) {
            failure = t;
        }
    }

    Throwable failure() {
        return failure;
    }

    /** {@code true} for the one caller that may write the completion event; it must call {@link #landed()} after. */
    boolean complete() {
        return completed.compareAndSet(false, true);
    }

    /** The response filter has run: the request is answered (its event may still follow). Idempotent. */
    void answered() {
        if (!answered.getAndSet(true) && inFlight != null) {
            inFlight.answered();
        }
    }

    /** Ends the request's flight, once its completion event (if any) has been handed to the runtime. Idempotent. */
    void landed() {
        answered();
        if (!landed.getAndSet(true) && inFlight != null) {
            inFlight.landed();
        }
    }

    /** Counts this request as in flight until {@link #complete()}. */
    void fly(InFlightRequests tracker) {
        inFlight = tracker;
        tracker.begin();
    }

    double elapsedMillis() {
        return Math.round((System.nanoTime() - startNanos) / 1_000.0) / 1_000.0;
    }
}
