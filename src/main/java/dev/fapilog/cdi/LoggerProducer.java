package dev.fapilog.cdi;

import dev.fapilog.AsyncLogger;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import java.lang.annotation.Annotation;
import java.lang.reflect.Member;

/**
 * Produces {@link Logger}, {@link AsyncLogger} and {@link LogRuntime} for injection. Loggers are {@code @Dependent}
 * and need no proxy: each is the runtime's cached, thread-safe logger of that name, so injecting one costs a map lookup
 * and logging through it goes straight to the runtime.
 *
 * <p>The name is the {@link LoggerName} value if there is one, else the injecting bean's class (for a
 * non-contextual target such as a JAX-RS resource, the class that declares the injection point), else
 * {@value #FALLBACK_NAME} for a lookup with no injection point at all.
 */
@Dependent
class LoggerProducer {
    static final String FALLBACK_NAME = "application";

    @Inject
    ApplicationRuntime application;

    // Both qualifiers on one producer: it serves @Inject Logger, @Inject @LoggerName("x") Logger, and also
    // Instance<Logger>.select(LoggerName.Literal.of("x")), whose required qualifiers are @Default and @LoggerName.

    @Produces
    @Default
    @LoggerName("")
    Logger logger(InjectionPoint point) {
        return application.runtime().logger(nameFor(point));
    }

    @Produces
    @Default
    @LoggerName("")
    AsyncLogger asyncLogger(InjectionPoint point) {
        return application.runtime().asyncLogger(nameFor(point));
    }

    /** The application's runtime: counters, level changes, flush. Draining it is left to the container. */
    @Produces
    LogRuntime runtime() {
        return application.runtime();
    }

    static String nameFor(InjectionPoint point) {
        if (point == null) {
            return FALLBACK_NAME;
        }
        for (Annotation q : point.getQualifiers()) {
            if (q instanceof LoggerName && !((LoggerName) q).value().isBlank()) {
                return ((LoggerName) q).value().trim();
            }
        }
        Bean<?> bean = point.getBean();
        if (bean != null) {
            return bean.getBeanClass().getName();
        }
        Member member = point.getMember();
        return member != null ? member.getDeclaringClass().getName() : FALLBACK_NAME;
    }
}
