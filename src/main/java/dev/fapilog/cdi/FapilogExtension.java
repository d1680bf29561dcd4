package dev.fapilog.cdi;

import dev.fapilog.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Vetoed;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.List;

/**
 * The portable extension: registered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}, so the
 * library jar needs no {@code beans.xml}. Per container (each deployment has its own instance, so applications never
 * share state) it
 *
 * <ul>
 *   <li>adds the beans that produce {@code Logger}, {@code AsyncLogger} and {@code LogRuntime}, and those of the
 *       integration modules whose API is present (JAX-RS: {@code dev.fapilog.jaxrs});
 *   <li>reads every {@code fapilog.*} setting when the deployment starts and reports all problems at once as one
 *       deployment problem at validation, so a bad configuration fails the deployment with one coded message;
 *   <li>makes the application's runtime right away, so that {@code Fapilog.getLogger} and the bridges use it, and
 *       installs the JUL handler where {@code fapilog.bridge.jul.install} allows (see {@link JulBridge});
 *   <li>starts the runtime when the application scope is initialised ({@code fapilog.cdi.startup=eager}, the default);
 *   <li>passes the application's end ({@code @BeforeDestroyed}, {@code @Destroyed}, {@code BeforeShutdown}) to each
 *       started runtime's {@link ShutdownSequence}, holding direct references because the context is gone by then.
 * </ul>
 *
 * It observes no {@code ProcessAnnotatedType}: nothing of the application's own types is needed (the JAX-RS module
 * binds its interceptor through {@code @Path} declared as an interceptor binding), so containers do not deliver every
 * type of the deployment to it (Weld's WELD-000411). Final and {@code @Vetoed}: it is created by the container as a
 * service provider, never as a bean of its own package.
 */
@Vetoed
public final class FapilogExtension implements Extension {
    private final CdiDeployment deployment = new CdiDeployment(IntegrationModules.load());

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beans) {
        // Read first: the application's runtime exists from here on, so static loggers, the bridges and early
        // framework logs go into it (held until it is launched); problems are reported at validation.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        deployment.read(loader != null ? loader : FapilogExtension.class.getClassLoader());
        List<Class<?>> classes = new java.util.ArrayList<>(List.of(ApplicationRuntime.class, LoggerProducer.class));
        deployment.modules().forEach(m -> classes.addAll(m.beanClasses()));
        for (Class<?> c : classes) {
            event.addAnnotatedType(beans.createAnnotatedType(c), c.getName());
        }
        deployment.modules().forEach(m -> m.beforeBeanDiscovery(event, beans));
    }

    // Reported at validation: the deployment-problem mechanism is AfterDeploymentValidation's.
    void addDeploymentBean(@Observes AfterBeanDiscovery event, BeanManager beans) {
        // The deployment's state as a bean of its own: the extension is final, so it cannot be proxied for injection.
        event.addBean()
                .beanClass(CdiDeployment.class)
                .types(CdiDeployment.class, Object.class)
                .scope(Singleton.class)
                .createWith(c -> deployment);
        deployment.modules().forEach(m -> m.afterBeanDiscovery(event, beans));
    }

    // Late among the observers of validation: the application's logs are routed to its runtime only once the
    // deployment is known to be valid (a deployment that fails gets no later callback to undo it).
    void reportProblemsOrActivate(
            @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 900) AfterDeploymentValidation event) {
        List<dev.fapilog.ConfigProblem> problems = deployment.problems();
        if (!problems.isEmpty()) {
            ConfigurationException invalid = new ConfigurationException(problems);
            event.addDeploymentProblem(new DeploymentException(invalid.getMessage(), invalid));
            return;
        }
        deployment.activate();
    }

    void startEagerly(@Observes @Initialized(ApplicationScoped.class) Object event, BeanManager beans) {
        if (deployment.startsEagerly()) {
            Bean<?> bean = beans.resolve(beans.getBeans(ApplicationRuntime.class));
            try {
                ((ApplicationRuntime)
                                beans.getReference(bean, ApplicationRuntime.class, beans.createCreationalContext(bean)))
                        .runtime();
            } catch (RuntimeException failed) {
                deployment.release(); // the deployment fails: leave nothing of it in the JVM's logging
                throw failed;
            }
        }
    }

    void applicationEnding(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        deployment.ending(ShutdownSequence::beforeDestroyed);
    }

    void applicationDestroyed(@Observes @Destroyed(ApplicationScoped.class) Object event) {
        deployment.ending(ShutdownSequence::destroyed);
    }

    void containerShutdown(@Observes BeforeShutdown event) {
        deployment.ending(ShutdownSequence::beforeShutdown);
        deployment.endUnlaunched();
        deployment.forgetStarted();
    }
}
