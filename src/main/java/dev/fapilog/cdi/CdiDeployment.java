package dev.fapilog.cdi;

import dev.fapilog.ConfigProblem;
import dev.fapilog.ConfigurationException;
import dev.fapilog.boot.ApplicationRuntimes;
import dev.fapilog.boot.BuiltRuntime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state one deployment's {@link FapilogExtension} keeps: its integration modules, its settings (read when the
 * deployment starts), the application's runtime (made then, launched by its first owner), and the owners started in
 * it, whose shutdown the extension drives. Available to the
 * library's own beans by injection (a {@code @Singleton} synthetic bean: the extension itself is final and cannot be
 * proxied). Thread-safe: container callbacks and application threads use it.
 */
public final class CdiDeployment {
    private final List<IntegrationModule> modules;
    private final List<ApplicationRuntime> started = new CopyOnWriteArrayList<>();
    private volatile DeploymentSettings settings;
    private volatile boolean applicationEnding;
    private volatile ApplicationRuntime lastStarted;
    private ClassLoader loader;
    /** The application's runtime, made when the settings are read and launched by its first owner. */
    private BuiltRuntime prepared;

    private ApplicationRuntimes.Registration registration;
    private JulBridge jul;

    CdiDeployment(List<IntegrationModule> modules) {
        this.modules = modules;
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

    List<IntegrationModule> modules() {
        return modules;
    }

    /**
     * Reads the settings and, when they are valid, makes the application's runtime at once (without threads): from
     * {@link #activate} on, {@code Fapilog.getLogger}, static loggers and the bridges log into it, and what they log
     * before it is launched waits in its queue.
     */
    synchronized void read(ClassLoader loader) {
        this.loader = loader;
        settings = DeploymentSettings.read(loader, modules);
        if (settings.problems().isEmpty()) {
            prepare();
        }
    }

    private void prepare() {
        try {
            prepared = DeploymentSettings.builder(settings.runtime()).prepare();
        } catch (ConfigurationException failed) {
            settings = settings.withProblems(failed.problems());
        }
    }

    /**
     * Once the deployment is valid: routes the application's logs into the prepared runtime ({@code Fapilog.getLogger},
     * static loggers, the bridges) and installs the JUL handler. Not earlier, because a deployment that fails
     * validation gets no callback at all afterwards, and would leave both behind.
     */
    synchronized void activate() {
        if (prepared != null && registration == null) {
            registration = ApplicationRuntimes.register(loader, prepared.runtime());
            jul = JulBridge.install(settings.cdi().julInstall(), prepared.runtime(), loader, prepared.diagnostics());
        }
    }

    /**
     * The runtime an owner launches: the prepared one, or a new one when that one has drained while the application
     * goes on (its owner was destroyed on its own).
     */
    synchronized BuiltRuntime runtimeToLaunch() {
        if (prepared == null) {
            throw new IllegalStateException("fapilog settings are read when the deployment starts; a logger was"
                    + " requested before that (from another extension?) or the settings are invalid");
        }
        if (prepared.runtime().isDraining() && !applicationEnding) {
            release();
            prepare();
            activate();
        }
        return prepared;
    }

    /** Stops routing the application's logs into the prepared runtime: the registration and the JUL handler. */
    synchronized void release() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
        if (jul != null) {
            jul.remove();
            jul = null;
        }
    }

    /**
     * At the very end of the application: a runtime no owner launched (lazy start, never injected) still delivers
     * what static loggers and bridges gave it, then everything is released.
     */
    void endUnlaunched() {
        BuiltRuntime rt;
        synchronized (this) {
            rt = prepared;
        }
        if (rt != null && !rt.isLaunched() && rt.runtime().stats().submitted() > 0) {
            rt.runtime().drain(rt.settings().engine().shutdownTimeout());
        }
        release();
    }

    /** Every problem with the deployment's settings; empty before they are read. */
    List<ConfigProblem> problems() {
        DeploymentSettings s = settings;
        return s == null ? List.of() : s.problems();
    }

    boolean startsEagerly() {
        DeploymentSettings s = settings;
        return s != null && s.problems().isEmpty() && s.cdi().eagerStart();
    }

    /** The deployment's settings, read when it started. */
    DeploymentSettings settings() {
        DeploymentSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("fapilog settings are read when the deployment starts; a logger was"
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
        BuiltRuntime rt = owner.startedRuntime();
        synchronized (this) {
            if (rt != null && rt == prepared) {
                release();
            }
        }
    }

    /** A step of the application's end, for every started runtime's shutdown sequence. */
    void ending(Consumer<ShutdownSequence> step) {
        applicationEnding = true;
        for (ApplicationRuntime owner : started) {
            ShutdownSequence s = owner.shutdown();
            if (s != null) {
                step.accept(s);
            }
        }
    }

    void forgetStarted() {
        started.clear();
    }
}
