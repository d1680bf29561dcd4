package dev.fapilog.cdi;

import dev.fapilog.AsyncLogger;
import dev.fapilog.Logger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.Serializable;

/** Beans of every scope that inject loggers, as applications do. */
final class CdiBeans {
    private CdiBeans() {}

    @ApplicationScoped
    public static class AppBean {
        @Inject
        Logger log;

        @Inject
        AsyncLogger asyncLog;

        @Inject
        @LoggerName("payments.audit")
        Logger audit;

        @Inject
        @LoggerName("payments.audit")
        AsyncLogger asyncAudit;

        @Inject
        Instance<Logger> loggers;

        public Logger log() {
            return log;
        }

        public AsyncLogger asyncLog() {
            return asyncLog;
        }

        public Logger audit() {
            return audit;
        }

        public AsyncLogger asyncAudit() {
            return asyncAudit;
        }

        public Instance<Logger> loggers() {
            return loggers;
        }

        public void work() {
            log.info("app bean works", "scope", "application");
            asyncLog.info("async app bean works", "scope", "application");
            audit.info("audited", "amount", 10);
        }
    }

    @RequestScoped
    public static class RequestBean {
        @Inject
        Logger log;

        public void work() {
            log.info("request bean works", "scope", "request");
        }
    }

    @Dependent
    public static class DependentBean {
        @Inject
        Logger log;

        public void work() {
            log.info("dependent bean works", "scope", "dependent");
        }
    }

    /** Like a {@code @jakarta.ejb.Singleton}: one instance, not proxied. */
    @Singleton
    public static class SingletonBean {
        @Inject
        Logger log;

        public void work() {
            log.info("singleton bean works", "scope", "singleton");
        }
    }

    @SessionScoped
    public static class SessionBean implements Serializable {
        private static final long serialVersionUID = 1L;

        @Inject
        transient Logger log;

        public void work() {
            log.info("session bean works", "scope", "session");
        }
    }

    /** A subclass inherits its parent's injection point, and gets a logger named after itself. */
    @Dependent
    @Typed(SubBean.class)
    public static class SubBean extends DependentBean {
        @Override
        public void work() {
            log.info("sub bean works", "scope", "dependent");
        }
    }
}
