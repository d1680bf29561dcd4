package dev.fapilog.jaxrs;

import dev.fapilog.ConfigProblem;
import dev.fapilog.cdi.FapilogExtension;
import dev.fapilog.cdi.IntegrationModule;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JAX-RS integration as the CDI extension sees it: its {@code fapilog.jaxrs.*} keys, its beans (the request
 * filter, the request state, the {@link RequestLogger} producer, the resource interceptor), and the interceptor binding
 * it adds to every resource class ({@code @Path}), so that an exception escaping a resource is seen before the
 * application's exception mappers turn it into a response. Loaded by name by the extension, only when JAX-RS is present.
 */
public final class JaxrsModule implements IntegrationModule {
    private volatile JaxrsSettings settings = JaxrsSettings.defaults();
    private final InFlightRequests inFlight = new InFlightRequests();

    /** The deployment's settings (the defaults until the deployment's configuration has been read). */
    public JaxrsSettings settings() {
        return settings;
    }

    /** The deployment's settings, or the defaults when the module is not loaded. */
    static JaxrsSettings settingsOf(FapilogExtension extension) {
        JaxrsModule m = extension.module(JaxrsModule.class);
        return m != null ? m.settings() : JaxrsSettings.defaults();
    }

    InFlightRequests inFlight() {
        return inFlight;
    }

    /** Waits for the requests in flight to write their completion event (they finish in the usual way). */
    @Override
    public void awaitIdle(long deadlineNanos) {
        inFlight.awaitIdle(deadlineNanos);
    }

    @Override
    public String keyPrefix() {
        return "jaxrs.";
    }

    @Override
    public Set<String> keys() {
        return JaxrsSettings.DEFAULTS.keySet();
    }

    @Override
    public void configure(Map<String, String> values, List<ConfigProblem> problems) {
        settings = JaxrsSettings.parse(values, problems);
    }

    @Override
    public List<Class<?>> beanClasses() {
        return List.of(
                RequestLogFilter.class,
                RequestLogWriter.class,
                RequestCompletion.class,
                RequestState.class,
                RequestLoggerProducer.class,
                ResourceInterceptor.class);
    }

    @Override
    public void processAnnotatedType(ProcessAnnotatedType<?> event) {
        Class<?> type = event.getAnnotatedType().getJavaClass();
        if (type.isAnnotationPresent(Path.class) && !type.isInterface()) {
            event.configureAnnotatedType().add(ResourceInvocation.Literal.INSTANCE);
        }
    }
}
