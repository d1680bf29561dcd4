package dev.fapilog.jaxrs;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers the JAX-RS integration with an application that lists its providers itself, such as Jersey on Java SE:
 * {@code new ResourceConfig(...).register(FapilogFeature.class)}. On WildFly and Payara the runtime finds
 * {@link RequestLogFilter} by scanning the deployment, so nothing needs registering there.
 *
 * <p>Besides the filters it registers {@link UnhandledExceptionMapper}, the last-resort mapper that answers an
 * exception no mapper of the application takes with an empty 500 through JAX-RS, so that the response carries the
 * correlation id.
 */
public final class FapilogFeature implements Feature {
    @Override
    public boolean configure(FeatureContext context) {
        for (Class<?> provider :
                new Class<?>[] {RequestLogFilter.class, RequestLogWriter.class, UnhandledExceptionMapper.class}) {
            if (!context.getConfiguration().isRegistered(provider)) {
                context.register(provider);
            }
        }
        if (servletApiPresent() && !context.getConfiguration().isRegistered(ServletClientAddressFilter.class)) {
            context.register(ServletClientAddressFilter.class);
        }
        return true;
    }

    private static boolean servletApiPresent() {
        try {
            Class.forName("jakarta.servlet.http.HttpServletRequest", false, FapilogFeature.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
