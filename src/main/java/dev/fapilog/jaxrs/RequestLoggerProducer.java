package dev.fapilog.jaxrs;

import dev.fapilog.LogRuntime;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

/** Produces the request-scoped {@link RequestLogger} from the request's record. */
@Dependent
class RequestLoggerProducer {
    @Inject
    LogRuntime runtime;

    @Inject
    RequestState state;

    // Typed: a RequestLogger is a Logger, but @Inject Logger must keep meaning the logger named after its class.
    @Produces
    @RequestScoped
    @Typed(RequestLogger.class)
    RequestLogger requestLogger() {
        RequestRecord r = state.record();
        if (r == null) {
            return new RequestLogger(runtime.logger(RequestLogger.NAME), null);
        }
        // Bound, not taken from LogContext: a bound field travels with the logger to any thread.
        return new RequestLogger(
                runtime.logger(RequestLogger.NAME).bind(r.context.asMap()).bind("method", r.method, "path", r.path),
                r.correlationId);
    }
}
