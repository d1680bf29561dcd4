package dev.fapilog.examples.payara;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns an unexpected exception into a 500. It does not log: fapilog writes one {@code request_failed} event for the
 * request, with the exception and the status chosen here.
 */
@Provider
public class FailureMapper implements ExceptionMapper<RuntimeException> {
    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException) {
            return ((WebApplicationException) e).getResponse();
        }
        return Response.serverError().entity("internal error\n").build();
    }
}
