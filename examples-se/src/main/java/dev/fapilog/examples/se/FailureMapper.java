package dev.fapilog.examples.se;

import dev.fapilog.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns an unexpected exception into a 500 and logs it once, with its stack trace. */
@Provider
@ApplicationScoped
public class FailureMapper implements ExceptionMapper<RuntimeException> {
    @Inject
    Logger log;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException) {
            return ((jakarta.ws.rs.WebApplicationException) e).getResponse();
        }
        log.error("Request failed", e, "path", uri.getPath());
        return Response.serverError().entity("internal error\n").build();
    }
}
