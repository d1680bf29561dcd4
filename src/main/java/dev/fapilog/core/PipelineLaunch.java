package dev.fapilog.core;

import dev.fapilog.config.EngineSettings;
import dev.fapilog.core.PipelineStartException.Failure;
import dev.fapilog.core.PipelineStartException.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts a pipeline's threads from the runtime's thread factory: one runner thread per sink (waiting, within the
 * sink's deadline, for each sink's {@code start}), then the worker. If any part fails it stops what it started and
 * throws one {@link PipelineStartException} naming every failure. Used once, on the thread that builds the runtime.
 */
final class PipelineLaunch {
    private final EngineSettings settings;
    private final ThreadFactory threadFactory;
    private final String threadSource;
    private final List<Failure> problems = new ArrayList<>();

    PipelineLaunch(EngineSettings settings, ThreadFactory threadFactory, String threadSource) {
        this.settings = settings;
        this.threadFactory = threadFactory;
        this.threadSource = threadSource;
    }

    /** Starts each runner's thread and waits for its sink to start; throws if any did not. */
    List<Thread> startSinks(SinkRunner[] runners) {
        List<Thread> threads = new ArrayList<>();
        for (SinkRunner r : runners) {
            Thread t = newThread(r, "sink-" + r.name());
            if (t != null) {
                threads.add(t);
                t.start();
            }
        }
        for (SinkRunner r : runners) {
            try {
                r.started().get(settings.deliveryOf(r.name()).timeout().toNanos(), TimeUnit.NANOSECONDS);
            } catch (ExecutionException failed) {
                problems.add(new Failure(
                        Part.SINK, r.name(), "a sink that starts; '" + r.name() + "' failed: " + failed.getCause()));
            } catch (TimeoutException | InterruptedException slow) {
                problems.add(new Failure(
                        Part.SINK, r.name(), "a sink that starts within sink.timeout; '" + r.name() + "' did not"));
            }
        }
        failIfAny(runners);
        return threads;
    }

    /** Makes the worker's thread (not yet started); throws, stopping the sinks, if the factory cannot. */
    Thread workerThread(Worker worker, SinkRunner[] runners) {
        Thread w = newThread(worker, "worker");
        failIfAny(runners);
        return w;
    }

    private void failIfAny(SinkRunner[] runners) {
        if (problems.isEmpty()) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(runners.length);
        for (SinkRunner r : runners) {
            r.control(new SinkControl(SinkControl.Kind.STOP, stopped));
        }
        throw new PipelineStartException(problems);
    }

    private Thread newThread(Runnable r, String role) {
        try {
            Thread t = threadFactory.newThread(r);
            if (t == null) {
                problems.add(new Failure(
                        Part.THREAD_FACTORY,
                        threadSource,
                        "a thread factory that makes threads; it returned null for the " + role + " thread"));
            }
            return t;
        } catch (RuntimeException e) {
            problems.add(new Failure(
                    Part.THREAD_FACTORY,
                    threadSource,
                    "a thread factory that makes threads; it threw " + e + " for the " + role + " thread"));
            return null;
        }
    }
}
