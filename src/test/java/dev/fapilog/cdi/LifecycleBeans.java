package dev.fapilog.cdi;

import dev.fapilog.Logger;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Beans that take part in an application's start and end. */
final class LifecycleBeans {
    /** Every FapilogStarted / FapilogDrained seen, in order (static: the observers outlive the application scope). */
    static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

    private LifecycleBeans() {}

    /** Logs from its {@code @PreDestroy}, as services do when they close their resources. */
    @ApplicationScoped
    public static class ClosingService {
        @Inject
        Logger log;

        public void open() {
            log.info("service opened");
        }

        @PreDestroy
        void close() {
            for (int i = 0; i < 50; i++) {
                log.info("service closing", "step", i);
            }
        }
    }

    @Dependent
    public static class Observers {
        static void started(@Observes FapilogStarted event) {
            EVENTS.add(event);
        }

        static void drained(@Observes FapilogDrained event) {
            EVENTS.add(event);
        }
    }

    /** Observers that fail: neither the start nor the shutdown may fail with them. */
    @Dependent
    public static class FailingObservers {
        void started(@Observes FapilogStarted event) {
            throw new IllegalStateException("start observer broke");
        }

        void drained(@Observes FapilogDrained event) {
            throw new IllegalStateException("drain observer broke");
        }
    }

    /** Logs from its observer of the start event: the runtime is in place by then. */
    @Dependent
    public static class LoggingObserver {
        @Inject
        Logger log;

        void started(@Observes FapilogStarted event) {
            log.info("observed start", "threads", event.threadSource());
        }
    }
}
