package dev.fapilog.jaxrs;

import dev.fapilog.Level;
import dev.fapilog.LogEventBuilder;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import java.util.Map;

/**
 * The current request's logger: {@code @Inject RequestLogger log;} in a resource or any request-scoped bean. Every
 * event carries the request's correlation id, trace and span ids, user and tenant ids (when configured) in
 * {@code context}, and its method and path in {@code data}. They are bound to the logger, not read from the calling
 * thread. Request-scoped; named {@value #NAME}.
 *
 * <p>The injected object is the container's proxy for the current request, so it works wherever that request's scope
 * is active (the request thread). For work that moves to another thread (an executor, an {@code AsyncResponse}
 * completed later), take {@code log.bind()} on the request thread: a plain {@link Logger} with the same fields, usable
 * on any thread, for as long as you like.
 *
 * <pre>{@code
 * Logger forWorker = requestLog.bind();
 * executor.execute(() -> { forWorker.info("done"); response.resume(result); });
 * }</pre>
 *
 * <p>Thread-safe; never throws, like every {@link Logger}. Outside a request handled by the JAX-RS integration it is a
 * plain logger named {@value #NAME} with nothing bound.
 */
public class RequestLogger implements Logger {
    /** The logger name of every request logger. */
    public static final String NAME = "request";

    private final Logger delegate;
    private final String correlationId;

    /** For the container's proxy only. */
    protected RequestLogger() {
        this.delegate = null;
        this.correlationId = null;
    }

    RequestLogger(Logger delegate, String correlationId) {
        this.delegate = delegate;
        this.correlationId = correlationId;
    }

    /** The request's correlation id, or {@code null} outside a request. */
    public String correlationId() {
        return correlationId;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public LogRuntime runtime() {
        return delegate.runtime();
    }

    @Override
    public boolean isEnabled(Level level) {
        return delegate.isEnabled(level);
    }

    @Override
    public void log(Level level, String message, Object... keyValues) {
        delegate.log(level, message, keyValues);
    }

    @Override
    public void log(Level level, String message, Throwable error, Object... keyValues) {
        delegate.log(level, message, error, keyValues);
    }

    @Override
    public void log(Level level, String message, Map<String, ?> fields) {
        delegate.log(level, message, fields);
    }

    @Override
    public void log(Level level, String message, Throwable error, Map<String, ?> fields) {
        delegate.log(level, message, error, fields);
    }

    @Override
    public Logger bind(Object... keyValues) {
        return delegate.bind(keyValues);
    }

    @Override
    public Logger bind(Map<String, ?> fields) {
        return delegate.bind(fields);
    }

    @Override
    public LogEventBuilder atLevel(Level level) {
        return delegate.atLevel(level);
    }
}
