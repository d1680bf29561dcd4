package dev.fapilog.cdi;

import dev.fapilog.ConfigurationException;
import dev.fapilog.boot.BuiltRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Destroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The portable extension: registered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}, so the
 * library jar needs no {@code beans.xml}. Per container (each deployment has its own instance, so applications never
 * share state) it
 *
 * <ul>
 *   <li>adds the beans that produce {@code Logger}, {@code AsyncLogger} and {@code LogRuntime}, and those of the
 *       integration modules whose API is present (JAX-RS: {@code dev.fapilog.jaxrs});
 *   <li>reads every {@code fapilog.*} setting when the deployment is validated and reports all problems at once as one
 *       deployment problem, so a bad configuration fails the deployment with one coded message;
 *   <li>starts the runtime when the application scope is initialised ({@code fapilog.cdi.startup=eager}, the default);
 *   <li>passes the application's end ({@code @BeforeDestroyed}, {@code @Destroyed}, {@code BeforeShutdown}) to each
 *       started runtime's {@link ShutdownSequence}, holding direct references because the context is gone by then.
 * </ul>
 */
public class FapilogExtension implements Extension {
    private final List<ApplicationRuntime> started = new CopyOnWriteArrayList<>();
    private final List<IntegrationModule> modules = IntegrationModules.load();
    private volatile DeploymentSettings settings;
    private volatile boolean applicationEnding;
    private volatile ApplicationRuntime lastStarted;

    void addBeans(@Observes BeforeBeanDiscovery event, BeanManager beans) {
        List<Class<?>> classes = new java.util.ArrayList<>(List.of(ApplicationRuntime.class, LoggerProducer.class));
        modules.forEach(m -> classes.addAll(m.beanClasses()));
        for (Class<?> c : classes) {
            event.addAnnotatedType(beans.createAnnotatedType(c), c.getName());
        }
    }

    void processType(@Observes ProcessAnnotatedType<?> event) {
        for (IntegrationModule m : modules) {
            m.processAnnotatedType(event);
        }
    }

    // Read after discovery, reported at validation: the deployment-problem mechanism is AfterDeploymentValidation's.
    void readSettings(@Observes AfterBeanDiscovery event) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        settings = DeploymentSettings.read(loader != null ? loader : FapilogExtension.class.getClassLoader(), modules);
    }

    void reportProblems(@Observes AfterDeploymentValidation event) {
        DeploymentSettings read = settings;
        if (read != null && !read.problems().isEmpty()) {
            ConfigurationException invalid = new ConfigurationException(read.problems());
            event.addDeploymentProblem(new DeploymentException(invalid.getMessage(), invalid));
        }
    }

    /** The deployment's instance of an integration module, or {@code null} if its API is absent. */
    public <T extends IntegrationModule> T module(Class<T> type) {
        for (IntegrationModule m : modules) {
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
        return null;
    }

    void startEagerly(@Observes @Initialized(ApplicationScoped.class) Object event, BeanManager beans) {
        DeploymentSettings s = settings;
        if (s != null && s.problems().isEmpty() && s.cdi().eagerStart()) {
            Bean<?> bean = beans.resolve(beans.getBeans(ApplicationRuntime.class));
            ((ApplicationRuntime)
                            beans.getReference(bean, ApplicationRuntime.class, beans.createCreationalContext(bean)))
                    .runtime();
        }
    }

    void applicationEnding(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        applicationEnding = true;
        each(ShutdownSequence::beforeDestroyed);
    }

    void applicationDestroyed(@Observes @Destroyed(ApplicationScoped.class) Object event) {
        applicationEnding = true;
        each(ShutdownSequence::destroyed);
    }

    void containerShutdown(@Observes BeforeShutdown event) {
        each(ShutdownSequence::beforeShutdown);
        started.clear();
    }

    /** The deployment's settings, read when it was validated. */
    DeploymentSettings settings() {
        DeploymentSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("fapilog settings are read when the deployment is validated; a logger was"
                    + " requested before that (from another extension?)");
        }
        return s;
    }

    boolean isApplicationEnding() {
        return applicationEnding;
    }

    /** While the application ends: the runtime being shut down (the last one started), else {@code null}. */
    BuiltRuntime endingRuntime() {
        if (!applicationEnding) {
            return null;
        }
        ApplicationRuntime last = lastStarted;
        return last == null ? null : last.startedRuntime();
    }

    /** Lets each integration module finish its work in flight, until the deadline at the latest. */
    void awaitIdle(long deadlineNanos) {
        for (IntegrationModule m : modules) {
            m.awaitIdle(deadlineNanos);
        }
    }

    void register(ApplicationRuntime owner) {
        started.add(owner);
        lastStarted = owner;
    }

    void unregister(ApplicationRuntime owner) {
        started.remove(owner);
    }

    private void each(Consumer<ShutdownSequence> step) {
        for (ApplicationRuntime owner : started) {
            ShutdownSequence s = owner.shutdown();
            if (s != null) {
                step.accept(s);
            }
        }
    }
}
