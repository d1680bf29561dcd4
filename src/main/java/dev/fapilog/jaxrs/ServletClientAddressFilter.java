package dev.fapilog.jaxrs;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Where JAX-RS runs in a servlet container (WildFly, Payara, any WAR), takes the client's socket address from the
 * servlet request, which JAX-RS itself does not expose, for {@code data.client_address} of the completion event. Runs
 * just before {@link RequestLogFilter}. Used only when the Servlet API is present: {@link FapilogFeature} registers it
 * then, and servers find it by scanning. Never fails the request.
 */
@Provider
@PreMatching
@Priority(RequestLogFilter.PRIORITY - 1)
public class ServletClientAddressFilter implements ContainerRequestFilter {
    /** The request property holding the address, read by {@link RequestLogFilter}. */
    static final String PROPERTY = ServletClientAddressFilter.class.getName() + ".address";

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            if (servletRequest != null) {
                request.setProperty(PROPERTY, servletRequest.getRemoteAddr());
            }
        } catch (RuntimeException | LinkageError notAServletRequest) {
            // Not running on a servlet request after all: the completion event simply has no client address.
        }
    }
}
