package dev.fapilog.cdi;

import dev.fapilog.DrainResult;
import dev.fapilog.LogRuntime;
import dev.fapilog.boot.BuiltRuntime;
import dev.fapilog.cdi.FapilogDrained.Trigger;
import dev.fapilog.spi.Diagnostics;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Decides when the end of a CDI application flushes its runtime and when it drains it, so that the drain happens
 * exactly once, as late as is safe, and within {@code fapilog.shutdown.timeout} of the first shutdown callback.
 *
 * <p>Why not simply drain at the first callback: beans' {@code @PreDestroy} methods run after
 * {@code @BeforeDestroyed}, and their log events must still be delivered. The containers also disagree on the order:
 * WildFly and Payara call {@code @BeforeDestroyed}, every {@code @PreDestroy}, then {@code @Destroyed}; Weld SE calls
 * {@code @BeforeDestroyed}, {@code @Destroyed}, then every {@code @PreDestroy} (in no fixed order), then
 * {@code BeforeShutdown}. So:
 *
 * <ul>
 *   <li>the first callback begins the shutdown: the deadline starts, and at {@code @BeforeDestroyed} work in flight
 *       (requests, as far as the integrations know) may finish and everything logged so far is flushed, while the
 *       application is still whole;
 *   <li>intake stays open until no application code can run any more, then, after waiting for work the integrations
 *       know is still running (requests in flight), the runtime drains with what is left of the deadline: at {@code @Destroyed} once the owner's {@code @PreDestroy} has run (server order), else at
 *       {@code BeforeShutdown} (Weld SE order);
 *   <li>an owner destroyed on its own while the application goes on (its {@code @PreDestroy} without an application
 *       end) drains at once.
 * </ul>
 *
 * Thread-safe: callbacks may come from different container threads. Never throws.
 */
final class ShutdownSequence {
    private static final Duration MIN_DRAIN = Duration.ofMillis(1);

    private final LogRuntime runtime;
    private final Diagnostics diagnostics;
    private final Duration timeout;
    private final Consumer<FapilogDrained> onDrained;
    private final LongConsumer awaitIdle;

    private Trigger begunBy;
    private long deadlineNanos;
    private boolean ownerDestroyed;
    private boolean drained;

    ShutdownSequence(BuiltRuntime runtime, Duration timeout, Consumer<FapilogDrained> onDrained) {
        this(runtime, timeout, onDrained, deadline -> {});
    }

    /**
     * @param awaitIdle called just before the drain with a deadline ({@link System#nanoTime()}) that leaves a fifth of
     *     the remaining time to the drain itself: waits for work still running, such as requests in flight
     */
    ShutdownSequence(
            BuiltRuntime runtime, Duration timeout, Consumer<FapilogDrained> onDrained, LongConsumer awaitIdle) {
        this.runtime = runtime.runtime();
        this.diagnostics = runtime.diagnostics();
        this.timeout = timeout;
        this.onDrained = onDrained;
        this.awaitIdle = awaitIdle;
    }

    /**
     * {@code @BeforeDestroyed(ApplicationScoped.class)}: begin, let work in flight (requests) finish while the
     * application is still whole, and flush what is queued.
     */
    void beforeDestroyed() {
        if (begin(Trigger.BEFORE_DESTROYED)) {
            awaitIdle();
            runtime.flush(remaining());
        }
    }

    /**
     * {@code @PreDestroy} of the runtime's owner.
     *
     * @param applicationEnding whether the application scope is ending (a {@code @BeforeDestroyed} or
     *     {@code @Destroyed} was seen); if not, the owner alone is being destroyed and the runtime drains now
     */
    void preDestroy(boolean applicationEnding) {
        boolean drainNow;
        synchronized (this) {
            begin(Trigger.PRE_DESTROY);
            ownerDestroyed = true;
            drainNow = !applicationEnding;
        }
        if (drainNow) {
            drain(Trigger.PRE_DESTROY);
        }
    }

    /** {@code @Destroyed(ApplicationScoped.class)}: drains if the owner is already gone (server order). */
    void destroyed() {
        boolean drainNow;
        synchronized (this) {
            begin(Trigger.DESTROYED);
            drainNow = ownerDestroyed;
        }
        if (drainNow) {
            drain(Trigger.DESTROYED);
        }
    }

    /** {@code BeforeShutdown}: nothing of the application can run any more; drains if not done yet. */
    void beforeShutdown() {
        begin(Trigger.BEFORE_SHUTDOWN);
        drain(Trigger.BEFORE_SHUTDOWN);
    }

    /** Starts the deadline at the first callback; returns {@code true} if the runtime is still to be drained. */
    private synchronized boolean begin(Trigger trigger) {
        if (begunBy == null) {
            begunBy = trigger;
            deadlineNanos = System.nanoTime() + timeout.toNanos();
            diagnostics.info(
                    "cdi",
                    "shutdown-begun",
                    "application ending: logging stays open until the application scope is gone, then the"
                            + " runtime drains",
                    "trigger",
                    name(trigger),
                    "deadline_ms",
                    timeout.toMillis());
        }
        return !drained;
    }

    private void drain(Trigger at) {
        Trigger begun;
        synchronized (this) {
            if (drained) {
                return;
            }
            drained = true;
            begun = begunBy;
        }
        awaitIdle();
        DrainResult result = runtime.drain(remaining());
        diagnostics.info(
                "cdi",
                "lifecycle-drained",
                "application runtime drained",
                "begun_by",
                name(begun),
                "drained_at",
                name(at),
                "completed_in_time",
                result.completedInTime());
        onDrained.accept(new FapilogDrained(result, begun, at));
    }

    /** Waits for work in flight, leaving a fifth of the remaining time to what follows. */
    private void awaitIdle() {
        long left = remaining().toNanos();
        try {
            awaitIdle.accept(System.nanoTime() + left - left / 5);
        } catch (RuntimeException e) {
            diagnostics.warn("cdi", "await-idle", "waiting for work in flight failed", "error", e.toString());
        }
    }

    private synchronized Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= MIN_DRAIN.toNanos() ? MIN_DRAIN : Duration.ofNanos(left);
    }

    private static String name(Trigger t) {
        return t.name().toLowerCase(Locale.ROOT);
    }
}
