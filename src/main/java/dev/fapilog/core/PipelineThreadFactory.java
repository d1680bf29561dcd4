package dev.fapilog.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread factory used when none is given (Java SE): daemon threads named {@code fapilog-<runtime>-worker},
 * {@code fapilog-<runtime>-sink-<sink>} and {@code fapilog-<runtime>-<n>}. Daemon, because the shutdown hook drains
 * the runtime; a non-daemon worker would keep a JVM alive that the application meant to end.
 */
public final class PipelineThreadFactory implements ThreadFactory {
    private final String runtimeName;
    private final AtomicInteger counter = new AtomicInteger();

    public PipelineThreadFactory(String runtimeName) {
        this.runtimeName = runtimeName;
    }

    @Override
    public Thread newThread(Runnable task) {
        String role;
        if (task instanceof Worker) {
            role = "worker";
        } else if (task instanceof SinkRunner) {
            role = "sink-" + ((SinkRunner) task).name();
        } else {
            role = Integer.toString(counter.incrementAndGet());
        }
        Thread t = new Thread(task, "fapilog-" + runtimeName + "-" + role);
        t.setDaemon(true);
        return t;
    }
}
