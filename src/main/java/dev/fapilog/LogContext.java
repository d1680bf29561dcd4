package dev.fapilog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Context that travels with the current thread and is copied into every event logged on it: request, user, tenant,
 * trace and span ids, and any other key the application puts.
 *
 * <pre>{@code
 * try (LogContext.Scope scope = LogContext.put("request_id", rid)) {
 *     log.info("Processing request");                 // carries request_id
 *     executor.execute(LogContext.wrap(() -> log.info("in the pool")));  // so does this
 * }
 * }</pre>
 *
 * <p>The context is captured on the caller thread when the event is logged (an O(1) reference copy of an immutable
 * {@link Snapshot}), so the worker thread sees exactly what the caller saw. Keys {@code correlation_id},
 * {@code request_id}, {@code user_id}, {@code tenant_id}, {@code trace_id} and {@code span_id} are written to the
 * envelope's {@code context} object; any other key goes to {@code data}. {@code correlation_id} falls back to
 * {@code request_id} when only the latter is set.
 *
 * <p>Values that are immutable ({@code String}, boxed primitives, {@code BigInteger}, {@code BigDecimal},
 * {@code UUID}, enums, {@code java.time} values) are stored as given; anything else is converted with
 * {@code toString()} when it is put, so a later change to a mutable object never leaks into events. A
 * {@code toString()} that throws stores a placeholder instead.
 *
 * <p>Scopes must be closed on the thread that opened them, in reverse order (try-with-resources does this). Closing
 * restores exactly the context that was current before the scope opened, and closing the outermost scope leaves no
 * thread-local value behind, so pooled threads do not carry one task's context into the next. None of these methods
 * throws for bad input: a {@code null} or empty key is ignored.
 */
public final class LogContext {

    private static final ThreadLocal<Snapshot> CURRENT = new ThreadLocal<>();

    private LogContext() {}

    /** Adds (or replaces) one entry for the life of the returned scope. */
    public static Scope put(String key, Object value) {
        if (key == null || key.isEmpty()) {
            return Scope.NOOP;
        }
        return open(current().with(key, value));
    }

    /** Adds (or replaces) several entries for the life of the returned scope. */
    public static Scope putAll(Map<String, ?> entries) {
        if (entries == null || entries.isEmpty()) {
            return Scope.NOOP;
        }
        Snapshot next = current();
        for (Map.Entry<String, ?> e : entries.entrySet()) {
            if (e.getKey() != null && !e.getKey().isEmpty()) {
                next = next.with(e.getKey(), e.getValue());
            }
        }
        return open(next);
    }

    /** Removes one entry for the life of the returned scope. */
    public static Scope remove(String key) {
        Snapshot now = current();
        Snapshot next = now.without(key);
        return next == now ? Scope.NOOP : open(next);
    }

    /** Clears the whole context for the life of the returned scope. */
    public static Scope clear() {
        return open(Snapshot.EMPTY);
    }

    /** The value of one entry in the current context, or {@code null}. */
    public static Object get(String key) {
        return current().get(key);
    }

    /** The current context as an immutable snapshot (never {@code null}; cheap: no copy is made). */
    public static Snapshot snapshot() {
        return current();
    }

    /** {@code task} wrapped so that it runs with the caller's current context, on whatever thread runs it. */
    public static Runnable wrap(Runnable task) {
        return current().wrap(task);
    }

    /** {@code task} wrapped so that it runs with the caller's current context, on whatever thread runs it. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        return current().wrap(task);
    }

    /**
     * {@code supplier} wrapped so that it runs with the caller's current context (for {@code supplyAsync}). Named apart
     * from {@code wrap} because a lambda fits both {@code Callable} and {@code Supplier}.
     */
    public static <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
        return current().wrapSupplier(supplier);
    }

    /**
     * An executor that hands every task the context that was current on the thread that <em>submitted</em> it (not
     * the context at the time of this call).
     */
    public static Executor propagating(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(LogContext.wrap(task));
    }

    private static Snapshot current() {
        Snapshot s = CURRENT.get();
        return s == null ? Snapshot.EMPTY : s;
    }

    private static Scope open(Snapshot next) {
        Snapshot previous = CURRENT.get();
        set(next);
        return new RestoringScope(previous);
    }

    private static void set(Snapshot s) {
        if (s == null || s.isEmpty()) {
            CURRENT.remove();
        } else {
            CURRENT.set(s);
        }
    }

    /** Restores the previous context when closed. Idempotent; a close from another thread is ignored. */
    public interface Scope extends AutoCloseable {
        Scope NOOP = () -> {};

        @Override
        void close();
    }

    private static final class RestoringScope implements Scope {
        private final Snapshot previous;
        private final Thread owner = Thread.currentThread();
        private boolean closed;

        RestoringScope(Snapshot previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (!closed && Thread.currentThread() == owner) {
                closed = true;
                set(previous);
            }
        }
    }

    /**
     * An immutable set of context entries, in insertion order. Safe to share between threads; carry one to another
     * thread with {@link #attach()} or the {@code wrap} methods.
     */
    public static final class Snapshot {
        /** The empty context. */
        public static final Snapshot EMPTY = new Snapshot(new String[0], new Object[0]);

        private final String[] keys;
        private final Object[] values;

        private Snapshot(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        /** Number of entries. */
        public int size() {
            return keys.length;
        }

        public boolean isEmpty() {
            return keys.length == 0;
        }

        /** The key at {@code index} (0 to size-1), in insertion order. */
        public String key(int index) {
            return keys[index];
        }

        /** The value at {@code index}. */
        public Object value(int index) {
            return values[index];
        }

        /** The value for {@code key}, or {@code null}. */
        public Object get(String key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return values[i];
                }
            }
            return null;
        }

        /** A copy as an unmodifiable map. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                m.put(keys[i], values[i]);
            }
            return Collections.unmodifiableMap(m);
        }

        /** A snapshot with one more (or one replaced) entry. */
        public Snapshot with(String key, Object value) {
            if (key == null || key.isEmpty()) {
                return this;
            }
            Object v = immutableValue(value);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    Object[] nv = values.clone();
                    nv[i] = v;
                    return new Snapshot(keys, nv);
                }
            }
            String[] nk = Arrays.copyOf(keys, keys.length + 1);
            Object[] nv = Arrays.copyOf(values, values.length + 1);
            nk[keys.length] = key;
            nv[values.length] = v;
            return new Snapshot(nk, nv);
        }

        /** A snapshot without {@code key} (this one if the key is absent). */
        public Snapshot without(String key) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    String[] nk = new String[keys.length - 1];
                    Object[] nv = new Object[values.length - 1];
                    System.arraycopy(keys, 0, nk, 0, i);
                    System.arraycopy(values, 0, nv, 0, i);
                    System.arraycopy(keys, i + 1, nk, i, keys.length - i - 1);
                    System.arraycopy(values, i + 1, nv, i, values.length - i - 1);
                    return new Snapshot(nk, nv);
                }
            }
            return this;
        }

        /** Makes this snapshot the current context of the calling thread until the scope is closed. */
        public Scope attach() {
            return open(this);
        }

        /** {@code task} wrapped so that it runs with this snapshot as its context. */
        public Runnable wrap(Runnable task) {
            Objects.requireNonNull(task, "task");
            return () -> {
                try (Scope ignored = attach()) {
                    task.run();
                }
            };
        }

        /** {@code task} wrapped so that it runs with this snapshot as its context. */
        public <T> Callable<T> wrap(Callable<T> task) {
            Objects.requireNonNull(task, "task");
            return () -> {
                try (Scope ignored = attach()) {
                    return task.call();
                }
            };
        }

        /** {@code supplier} wrapped so that it runs with this snapshot as its context. */
        public <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
            Objects.requireNonNull(supplier, "supplier");
            return () -> {
                try (Scope ignored = attach()) {
                    return supplier.get();
                }
            };
        }

        @Override
        public String toString() {
            return asMap().toString();
        }
    }

    private static Object immutableValue(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Double
                || value instanceof Float
                || value instanceof BigInteger
                || value instanceof BigDecimal
                || value instanceof UUID
                || value instanceof Enum<?>
                || (value.getClass().getName().startsWith("java.time.")
                        && value.getClass().getModule() == Object.class.getModule())) {
            return value;
        }
        try {
            String s = value.toString();
            return s == null ? "null" : s;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t; // never swallowed (see spi.Fatal)
            }
            return "[toString() threw " + t.getClass().getName() + "]";
        }
    }
}
