package dev.fapilog.cdi;

import dev.fapilog.ConfigProblem;
import dev.fapilog.boot.BuiltRuntime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The state one deployment's {@link FapilogExtension} keeps: its integration modules, its settings (read when the
 * deployment is validated), and the runtimes started in it, whose shutdown the extension drives. Available to the
 * library's own beans by injection (a {@code @Singleton} synthetic bean: the extension itself is final and cannot be
 * proxied). Thread-safe: container callbacks and application threads use it.
 */
public final class CdiDeployment {
    private final List<IntegrationModule> modules;
    private final List<ApplicationRuntime> started = new CopyOnWriteArrayList<>();
    private volatile DeploymentSettings settings;
    private volatile boolean applicationEnding;
    private volatile ApplicationRuntime lastStarted;

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

    void read(ClassLoader loader) {
        settings = DeploymentSettings.read(loader, modules);
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
