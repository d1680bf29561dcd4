package dev.fapilog.it.app;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The application's own mapper: the exception must reach it unchanged. */
@Provider
public class ProbeMapper implements ExceptionMapper<IllegalStateException> {
    @Override
    public Response toResponse(IllegalStateException e) {
        return Response.status(418).entity("mapped: " + e.getMessage()).build();
    }
}
