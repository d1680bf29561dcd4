package dev.fapilog.cdi;

import dev.fapilog.LogRuntime;
import dev.fapilog.boot.BuiltRuntime;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * The bean that owns the application's runtime: one per application (CDI container), {@code @ApplicationScoped}.
 * Injected loggers of both facades are views over it. It launches the deployment's runtime (made when the settings
 * were read, see {@link CdiDeployment#read}) on first use (at application start unless
 * {@code fapilog.cdi.startup=lazy}) with the container's thread factory, fires {@link FapilogStarted}, and hands the
 * application's end to a {@link ShutdownSequence}, which drains the runtime once and fires {@link FapilogDrained}.
 *
 * <p>Thread-safe. Starting throws {@link dev.fapilog.ConfigurationException} when a sink or the thread factory fails;
 * everything else the settings could get wrong was already reported when the deployment was validated.
 */
@ApplicationScoped
class ApplicationRuntime {
    private final Object lock = new Object();
    private volatile BuiltRuntime runtime;
    private volatile ShutdownSequence shutdown;

    @Inject
    CdiDeployment deployment;

    @Inject
    BeanManager beans;

    /** The runtime, started on the first call. */
    LogRuntime runtime() {
        BuiltRuntime rt = runtime;
        if (rt != null) {
            return rt.runtime();
        }
        FapilogStarted started;
        synchronized (lock) {
            if (runtime != null) {
                return runtime.runtime();
            }
            BuiltRuntime ending = deployment.endingRuntime();
            if (ending != null) {
                // The application is ending and this owner is a new instance (a container may recreate an
                // application-scoped bean that code still uses during shutdown): keep logging into the runtime
                // being shut down rather than start one that nobody would drain.
                runtime = ending;
                return ending.runtime();
            }
            ThreadFactoryLookup.Found threads = ThreadFactoryLookup.find(beans);
            rt = deployment.runtimeToLaunch();
            rt.launch(threads.factory(), threads.source());
            shutdown = new ShutdownSequence(
                    rt, rt.settings().engine().shutdownTimeout(), this::drained, deployment::awaitIdle);
            runtime = rt;
            deployment.register(this);
            started = new FapilogStarted(rt.runtime(), threads.source());
        }
        // Outside the lock and after publication: observers may log, which comes back here.
        fire(started);
        return rt.runtime();
    }

    /** The runtime if this instance started one (or took over the ending one), else {@code null}; never starts one. */
    BuiltRuntime startedRuntime() {
        return runtime;
    }

    /** The shutdown sequence of a started runtime, else {@code null}. */
    ShutdownSequence shutdown() {
        return shutdown;
    }

    @PreDestroy
    void preDestroy() {
        ShutdownSequence s = shutdown;
        if (s != null) {
            s.preDestroy(deployment.isApplicationEnding());
        }
    }

    private void drained(FapilogDrained event) {
        deployment.unregister(this);
        fire(event);
    }

    private void fire(Object event) {
        try {
            beans.getEvent().select(Object.class).fire(event);
        } catch (RuntimeException observerFailed) {
            // An observer's failure must not fail the start or the shutdown; it is reported, not thrown.
            runtime.diagnostics()
                    .warn(
                            "cdi",
                            "event-observer",
                            "an observer of " + event.getClass().getSimpleName() + " failed",
                            "error",
                            observerFailed.toString());
        }
    }
}
