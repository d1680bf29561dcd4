package dev.fapilog.slf4j;

import dev.fapilog.LogContext;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.spi.MDCAdapter;

/**
 * SLF4J's MDC as a view of {@link LogContext}: {@code MDC.put} is {@code LogContext.put} (so the pairs reach every
 * event of the thread, native ones too, routed like any context key: {@code correlation_id}, {@code request_id},
 * {@code user_id}, {@code tenant_id}, {@code trace_id}, {@code span_id} to {@code context}, others to {@code data}),
 * and {@code MDC.get} sees what the JAX-RS filter or the application put into {@code LogContext}. The stacks of
 * {@code pushByKey} are SLF4J's own per-thread stacks. Thread-confined, like the MDC itself.
 */
final class LogContextMdcAdapter implements MDCAdapter {
    private final ThreadLocalMapOfStacks stacks = new ThreadLocalMapOfStacks();

    @Override
    public void put(String key, String val) {
        if (key == null) {
            throw new IllegalArgumentException("key cannot be null"); // as every SLF4J MDC adapter
        }
        LogContext.put(key, val); // the scope is dropped: MDC entries live until removed, not until a block ends
    }

    @Override
    public String get(String key) {
        Object v = key == null ? null : LogContext.get(key);
        return v == null ? null : String.valueOf(v);
    }

    @Override
    public void remove(String key) {
        if (key != null) {
            LogContext.remove(key);
        }
    }

    @Override
    public void clear() {
        LogContext.clear();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        Map<String, String> copy = new HashMap<>();
        LogContext.snapshot().asMap().forEach((k, v) -> copy.put(k, v == null ? null : String.valueOf(v)));
        return copy;
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        LogContext.clear();
        if (contextMap != null) {
            LogContext.putAll(contextMap);
        }
    }

    @Override
    public void pushByKey(String key, String value) {
        stacks.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        return stacks.popByKey(key);
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return stacks.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        stacks.clearDequeByKey(key);
    }
}
