package dev.fapilog.jaxrs;

import dev.fapilog.ConfigProblem;
import dev.fapilog.cdi.CdiDeployment;
import dev.fapilog.cdi.IntegrationModule;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.util.Nonbinding;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JAX-RS integration as the CDI extension sees it: its {@code fapilog.jaxrs.*} keys, its beans (the request
 * filter, the request state, the {@link RequestLogger} producer) and the resource interceptor, bound to every resource
 * class through {@code @Path} (see {@link ResourceInterceptorBean}), so that an exception escaping a resource is seen
 * before the application's exception mappers turn it into a response. Loaded by name by the extension, only when JAX-RS is present.
 */
public final class JaxrsModule implements IntegrationModule {
    private volatile JaxrsSettings settings = JaxrsSettings.defaults();
    private final InFlightRequests inFlight = new InFlightRequests();

    /** The deployment's settings (the defaults until the deployment's configuration has been read). */
    public JaxrsSettings settings() {
        return settings;
    }

    /** The deployment's settings, or the defaults when the module is not loaded. */
    static JaxrsSettings settingsOf(CdiDeployment deployment) {
        JaxrsModule m = deployment.module(JaxrsModule.class);
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
                UnhandledExceptionMapper.class,
                RequestCompletion.class,
                RequestState.class,
                RequestLoggerProducer.class);
    }

    /** Declares {@code @Path} an interceptor binding whose value does not matter, for {@link ResourceInterceptorBean}. */
    @Override
    public void beforeBeanDiscovery(BeforeBeanDiscovery event, BeanManager beans) {
        event.configureInterceptorBinding(Path.class).methods().forEach(m -> m.add(Nonbinding.Literal.INSTANCE));
    }

    @Override
    public void afterBeanDiscovery(AfterBeanDiscovery event, BeanManager beans) {
        event.addBean(new ResourceInterceptorBean(beans));
    }
}
