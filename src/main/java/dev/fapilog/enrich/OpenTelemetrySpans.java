package dev.fapilog.enrich;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The OpenTelemetry API's current span, read through method handles so that the API is used when the application has
 * it and never required: {@link #find} returns {@code null} when {@code io.opentelemetry.api.trace.Span} cannot be
 * loaded. Thread-safe.
 */
final class OpenTelemetrySpans {
    private final MethodHandle current;
    private final MethodHandle spanContext;
    private final MethodHandle isValid;
    private final MethodHandle traceId;
    private final MethodHandle spanId;

    private OpenTelemetrySpans(Class<?> span, Class<?> context) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        current = lookup.findStatic(span, "current", MethodType.methodType(span));
        spanContext = lookup.findVirtual(span, "getSpanContext", MethodType.methodType(context));
        isValid = lookup.findVirtual(context, "isValid", MethodType.methodType(boolean.class));
        traceId = lookup.findVirtual(context, "getTraceId", MethodType.methodType(String.class));
        spanId = lookup.findVirtual(context, "getSpanId", MethodType.methodType(String.class));
    }

    /** The API as visible to {@code loader}, or {@code null} when it is not there. */
    static OpenTelemetrySpans find(ClassLoader loader) {
        try {
            Class<?> span = Class.forName("io.opentelemetry.api.trace.Span", false, loader);
            Class<?> context = Class.forName("io.opentelemetry.api.trace.SpanContext", false, loader);
            return new OpenTelemetrySpans(span, context);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException absent) {
            return null;
        }
    }

    /** The current thread's valid span context (an immutable object), or {@code null}. */
    Object currentContext() throws Throwable {
        Object context = spanContext.invoke(current.invoke());
        return context != null && (boolean) isValid.invoke(context) ? context : null;
    }

    String traceId(Object context) throws Throwable {
        return (String) traceId.invoke(context);
    }

    String spanId(Object context) throws Throwable {
        return (String) spanId.invoke(context);
    }
}
