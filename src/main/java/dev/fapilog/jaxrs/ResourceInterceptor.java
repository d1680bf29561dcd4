package dev.fapilog.jaxrs;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.concurrent.CompletionStage;

/**
 * Around every method of a CDI-managed resource class (bound by {@link ResourceInterceptorBean} through {@code @Path}): records an exception that escapes it (thrown, passed to
 * {@link AsyncResponse#resume(Throwable)}, or failing a returned {@link CompletionStage}) on the request's record, and
 * rethrows it unchanged, so the application's exception mappers see exactly what they would without fapilog. For an
 * asynchronous method it also removes the request's context from the request thread when the method returns, since no
 * response filter will run on that thread.
 */
class ResourceInterceptor {
    @Inject
    RequestState state;

    Object around(InvocationContext invocation) throws Exception {
        RequestRecord record = current();
        if (record == null) {
            return invocation.proceed();
        }
        boolean async = wrapAsyncResponses(invocation, record);
        try {
            Object result = invocation.proceed();
            if (result instanceof CompletionStage) {
                async = true;
                ((CompletionStage<?>) result).whenComplete((value, failure) -> record.failed(unwrap(failure)));
            }
            return result;
        } catch (Exception | Error e) {
            record.failed(e);
            throw e;
        } finally {
            if (async) {
                record.detach();
            }
        }
    }

    private RequestRecord current() {
        try {
            return state.record();
        } catch (ContextNotActiveException notInARequest) {
            return null; // a resource bean called outside a request, e.g. from a test or a scheduler
        }
    }

    private static boolean wrapAsyncResponses(InvocationContext invocation, RequestRecord record) {
        Object[] args = invocation.getParameters();
        boolean found = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof AsyncResponse && !(args[i] instanceof RecordingAsyncResponse)) {
                args[i] = new RecordingAsyncResponse((AsyncResponse) args[i], record);
                found = true;
            }
        }
        if (found) {
            invocation.setParameters(args);
        }
        return found;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException
                        || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
