package dev.fapilog.jaxrs;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Hands everything to the real {@link AsyncResponse}, and records a failure passed to {@code resume}. */
final class RecordingAsyncResponse implements AsyncResponse {
    private final AsyncResponse delegate;
    private final RequestRecord record;

    RecordingAsyncResponse(AsyncResponse delegate, RequestRecord record) {
        this.delegate = delegate;
        this.record = record;
    }

    @Override
    public boolean resume(Object response) {
        return delegate.resume(response);
    }

    @Override
    public boolean resume(Throwable response) {
        record.failed(response);
        return delegate.resume(response);
    }

    @Override
    public boolean cancel() {
        return delegate.cancel();
    }

    @Override
    public boolean cancel(int retryAfter) {
        return delegate.cancel(retryAfter);
    }

    @Override
    public boolean cancel(Date retryAfter) {
        return delegate.cancel(retryAfter);
    }

    @Override
    public boolean isSuspended() {
        return delegate.isSuspended();
    }

    @Override
    public boolean isCancelled() {
        return delegate.isCancelled();
    }

    @Override
    public boolean isDone() {
        return delegate.isDone();
    }

    @Override
    public boolean setTimeout(long time, TimeUnit unit) {
        return delegate.setTimeout(time, unit);
    }

    @Override
    public void setTimeoutHandler(TimeoutHandler handler) {
        delegate.setTimeoutHandler(handler);
    }

    @Override
    public Collection<Class<?>> register(Class<?> callback) {
        return delegate.register(callback);
    }

    @Override
    public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
        return delegate.register(callback, callbacks);
    }

    @Override
    public Collection<Class<?>> register(Object callback) {
        return delegate.register(callback);
    }

    @Override
    public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
        return delegate.register(callback, callbacks);
    }
}
