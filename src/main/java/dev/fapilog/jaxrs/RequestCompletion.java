package dev.fapilog.jaxrs;

import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.boot.BuiltRuntime;
import dev.fapilog.cdi.CdiDeployment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a request's one {@code request_completed} or {@code request_failed} event: from {@link RequestLogFilter}
 * when the response has no entity, else from {@link RequestLogWriter} once the entity is written. Thread-safe; never
 * throws (its own failures go to the diagnostics channel).
 */
@ApplicationScoped
class RequestCompletion {
    @Inject
    CdiDeployment deployment;

    @Inject
    LogRuntime runtime;

    /**
     * What the response filter knows, waiting for the entity to be written.
     *
     * @param route the matched resource's template, or {@code null}
     * @param optedOut whether the resource carries {@link NoRequestLog}
     */
    record Pending(RequestRecord record, int status, String route, boolean optedOut) {
        /** The request property under which it waits. */
        static final String PROPERTY = Pending.class.getName();
    }

    private JaxrsSettings settings() {
        return JaxrsModule.settingsOf(deployment);
    }

    /**
     * Writes the request's one completion event, unless another caller already did; never throws.
     *
     * @param size bytes of the entity sent, or -1 when unknown
     */
    void complete(Pending pending, long size) {
        RequestRecord record = pending.record();
        int status = pending.status();
        String route = pending.route();
        boolean optedOut = pending.optedOut();
        if (!record.complete()) {
            return;
        }
        try {
            JaxrsSettings s = settings();
            Throwable failure = record.failure();
            boolean error = failure != null || status >= 500;
            boolean skipped = optedOut || s.isSkipped(record.path);
            if (skipped && !(error && s.logErrorsOnSkippedPaths())) {
                return;
            }
            if (!error && !record.sampled) {
                return;
            }
            List<Object> f = new ArrayList<>(32);
            field(f, "method", record.method);
            field(f, "path", record.path);
            field(f, "route", route);
            field(f, "status", status);
            field(f, "latency_ms", record.elapsedMillis());
            field(f, "response_size", size >= 0 ? size : null);
            field(f, "client_address", record.clientAddress);
            field(f, "forwarded_for", record.forwardedFor);
            field(f, "user_agent", record.userAgent);
            field(f, "headers", record.headers);
            record.context.asMap().forEach((k, v) -> field(f, k, v));
            Logger log = runtime.logger(RequestLogFilter.LOGGER);
            if (failure != null) {
                field(f, "error_type", failure.getClass().getName());
                field(f, "error_message", String.valueOf(failure.getMessage()));
                if (s.failureStackTrace()) {
                    log.log(Level.ERROR, "request_failed", failure, f.toArray());
                } else {
                    log.log(Level.ERROR, "request_failed", f.toArray());
                }
            } else {
                log.log(s.levelFor(status), "request_completed", f.toArray());
            }
        } catch (RuntimeException e) {
            diagnose("completion", e); // never fail the response
        } finally {
            record.landed(); // after the event is queued: a shutdown waiting for this request may now drain it
        }
    }

    /** Adds a key/value pair, unless the value is unknown ({@code null}). */
    private static void field(List<Object> fields, String key, Object value) {
        if (value != null) {
            fields.add(key);
            fields.add(value);
        }
    }

    void diagnose(String step, RuntimeException e) {
        try {
            BuiltRuntime.of(runtime)
                    .diagnostics()
                    .warn("jaxrs", step, "the request log filter failed", "error", e.toString());
        } catch (IllegalArgumentException notBuiltHere) {
            // A runtime from elsewhere has no channel of ours; the filter's failure is still never thrown.
        }
    }
}
