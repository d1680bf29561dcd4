package dev.fapilog.jaxrs;

import dev.fapilog.spi.Fatal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last resort for an exception no mapper of the application takes: answers it through JAX-RS (a
 * {@code WebApplicationException} with its own response, anything else with an empty 500), so that the response
 * filters run and the response carries the correlation id like every other one, and the request's completion event
 * is the usual {@code request_failed}. Without it, JAX-RS lets such an exception propagate to the container, whose
 * 500 carries no header of the request.
 *
 * <p>Registered by {@link FapilogFeature} (Jersey on Java SE) and found by the servers' scanning (WildFly, Payara), with
 * the lowest priority, so an application's own mapper for {@code Throwable} or {@code Exception} always wins. An
 * exception it answers no longer reaches the servlet container, so a {@code web.xml} error page for it is not used:
 * map such an exception in the application to keep that. Fatal JVM errors are never answered: they
 * propagate. Public for RESTEasy's provider rules (see {@link RequestLogFilter}); not meant to be used directly.
 */
@Provider
@ApplicationScoped
@Priority(Integer.MAX_VALUE)
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {
    @Inject
    RequestState state;

    @Override
    public Response toResponse(Throwable exception) {
        Fatal.rethrowIfFatal(exception);
        if (exception instanceof WebApplicationException) {
            Response own = ((WebApplicationException) exception).getResponse();
            if (own != null) {
                return own;
            }
        }
        record(exception);
        return Response.serverError().build();
    }

    /** Marks the request failed, for a resource the interceptor did not see (not a CDI bean, or a provider threw). */
    private void record(Throwable exception) {
        try {
            RequestRecord r = state.record();
            if (r != null && r.failure() == null) {
                r.failed(exception);
            }
        } catch (ContextNotActiveException | IllegalStateException notInARequest) {
            // Nothing to mark: the response still goes through the filters.
        }
    }
}
