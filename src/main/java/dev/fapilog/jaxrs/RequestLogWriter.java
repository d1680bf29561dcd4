package dev.fapilog.jaxrs;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes of the response entity as it is written and then writes the request's completion event, so that
 * {@code latency_ms} includes writing the entity and {@code response_size} is the real size. A provider of its own,
 * not a role of {@link RequestLogFilter}: RESTEasy registers only the filter roles of a {@code @PreMatching} class.
 * Never fails the response: the entity is written exactly as without it.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
@ApplicationScoped
public class RequestLogWriter implements WriterInterceptor {
    @Inject
    RequestCompletion completion;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        Object p = context.getProperty(RequestCompletion.Pending.PROPERTY);
        if (!(p instanceof RequestCompletion.Pending)) {
            context.proceed();
            return;
        }
        CountingStream counting = new CountingStream(context.getOutputStream());
        context.setOutputStream(counting);
        try {
            context.proceed();
        } finally {
            completion.complete((RequestCompletion.Pending) p, counting.count);
        }
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
