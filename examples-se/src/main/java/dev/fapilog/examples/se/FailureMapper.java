package dev.fapilog.examples.se;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns an unexpected exception into a 500. It does not log: fapilog's JAX-RS integration already writes one
 * {@code request_failed} event for the request (with the exception, the correlation id and the status this mapper
 * chose), and the exception reaches this mapper unchanged.
 */
@Provider
@ApplicationScoped
public class FailureMapper implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException) {
            return ((WebApplicationException) e).getResponse();
        }
        return Response.serverError().entity("internal error\n").build();
    }
}
