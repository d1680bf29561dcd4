package dev.fapilog.cdi;

import dev.fapilog.ConfigProblem;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A part of the library that plugs into the CDI extension when its API is on the class path: the JAX-RS integration
 * ({@code dev.fapilog.jaxrs}). The extension loads it by name, so the CDI integration works without JAX-RS and does
 * not depend on it. For the library's own integrations; not an application extension point.
 *
 * <p>One instance per deployment, created by the deployment's {@link FapilogExtension}; called on container threads
 * during deployment only.
 */
public interface IntegrationModule {

    /** The key prefix the module owns, without {@code fapilog.}, for example {@code jaxrs.}. */
    String keyPrefix();

    /** Every key the module understands, without {@code fapilog.} (used to map environment variables). */
    Set<String> keys();

    /** Reads the module's keys (all starting with {@link #keyPrefix()}); adds every problem to {@code problems}. */
    void configure(Map<String, String> values, List<ConfigProblem> problems);

    /** Bean classes the extension adds to the deployment. */
    List<Class<?>> beanClasses();

    /**
     * Before bean discovery: for example, declares an annotation of the module's API as an interceptor binding (so that
     * the extension needs no observer of every annotated type).
     */
    default void beforeBeanDiscovery(BeforeBeanDiscovery event, BeanManager beans) {}

    /** After bean discovery: adds the module's synthetic beans, such as an interceptor. */
    default void afterBeanDiscovery(AfterBeanDiscovery event, BeanManager beans) {}

    /**
     * Called at the application's end, just before the runtime drains: waits (until {@code deadlineNanos}, a
     * {@link System#nanoTime()} value, at the latest) for work the module knows is still running, such as requests in
     * flight, so that their events are still delivered. Must return by the deadline.
     */
    default void awaitIdle(long deadlineNanos) {}
}
