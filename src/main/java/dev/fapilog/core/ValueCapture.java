package dev.fapilog.core;

import dev.fapilog.config.ValueLimits;
import dev.fapilog.spi.Fatal;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns caller-supplied values into immutable ones, on the caller thread, so that the worker never touches user
 * objects. Immutable JDK values pass through untouched (no allocation); maps, collections, arrays and records become
 * capped snapshots; anything else becomes its {@code toString()}, guarded and capped. Nothing here throws.
 *
 * <p>Why on the caller thread: a {@code toString()} may block, be slow, throw, log, or read state that changes right
 * after the call; doing it on the worker would stall every sink or print a value the caller never logged.
 */
final class ValueCapture {

    enum Kind {
        IMMUTABLE,
        MAP,
        COLLECTION,
        OBJECT_ARRAY,
        PRIMITIVE_ARRAY,
        BYTES,
        CHARS,
        OPTIONAL,
        RECORD,
        THROWABLE,
        ATOMIC,
        CLASS,
        OTHER
    }

    /**
     * The kind of each class, by ordinal: a {@code ClassValue} stores its value in the class it is asked about (often a
     * JDK class, which lives for ever), and a value of this library's own type would keep an undeployed application's
     * class loader reachable from there. An {@code Integer} refers to nothing of ours.
     */
    private static final ClassValue<Integer> KINDS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return classify(type).ordinal();
        }
    };

    private static final Kind[] KIND_BY_ORDINAL = Kind.values();

    private static Kind kindOf(Class<?> type) {
        return KIND_BY_ORDINAL[KINDS.get(type)];
    }

    private static final ClassValue<Method[]> RECORD_ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            try {
                RecordComponent[] components = type.getRecordComponents();
                Method[] accessors = new Method[components.length];
                for (int i = 0; i < components.length; i++) {
                    accessors[i] = components[i].getAccessor();
                    accessors[i].setAccessible(true);
                }
                return accessors;
            } catch (RuntimeException inaccessible) {
                return null; // a record in a module that is not open to us: rendered with toString()
            }
        }
    };

    /** Nesting of user {@code toString()} calls on this thread, to stop a {@code toString()} that logs itself. */
    private static final ThreadLocal<int[]> TO_STRING_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private static final int MAX_NESTED_TO_STRING = 3;

    private ValueCapture() {}

    /**
     * Captures the key/value arguments of one call. Returns {@code keyValues} itself when nothing needed converting
     * (the common case), otherwise a copy with converted entries.
     */
    static Object[] fields(Object[] keyValues, int count, ValueLimits limits) {
        Object[] out = keyValues;
        for (int i = 0; i < count; i++) {
            Object original = keyValues[i];
            Object captured = (i & 1) == 0 && i < count - 1 ? key(original, limits) : value(original, limits);
            if (captured != original) {
                if (out == keyValues) {
                    out = Arrays.copyOf(keyValues, count);
                }
                out[i] = captured;
            }
        }
        return out;
    }

    /** Captures a map argument into alternating key/value pairs. */
    static Object[] fields(Map<String, ?> fields, ValueLimits limits) {
        if (fields == null || fields.isEmpty()) {
            return FacadeBase.NO_FIELDS;
        }
        try {
            Object[] kv = new Object[Math.min(fields.size(), limits.maxElements()) * 2];
            int i = 0;
            for (Map.Entry<String, ?> e : fields.entrySet()) {
                if (i >= kv.length) {
                    break;
                }
                kv[i++] = key(e.getKey(), limits);
                kv[i++] = value(e.getValue(), limits);
            }
            return i == kv.length ? kv : Arrays.copyOf(kv, i);
        } catch (Throwable unreadable) {
            Fatal.rethrowIfFatal(unreadable);
            return new Object[] {"_fields", Markers.threw("reading the field map", fields.getClass(), unreadable)};
        }
    }

    /** A field name: strings as they are, {@code null} kept (dropped and counted later), anything else as text. */
    static Object key(Object key, ValueLimits limits) {
        if (key == null || key instanceof String) {
            return key;
        }
        return text(key, limits);
    }

    /** Captures one value. */
    static Object value(Object v, ValueLimits limits) {
        if (v == null) {
            return null;
        }
        Class<?> type = v.getClass();
        // The common scalar types first, without a ClassValue lookup.
        if (type == String.class) {
            return cut((String) v, limits);
        }
        if (type == Integer.class || type == Long.class || type == Double.class) {
            return v;
        }
        Kind kind = kindOf(type);
        if (kind == Kind.IMMUTABLE) {
            return v;
        }
        return nested(v, kind, limits, 0, null);
    }

    private static Object nested(Object v, Kind kind, ValueLimits limits, int depth, Object[] ancestors) {
        switch (kind) {
            case IMMUTABLE:
                return v instanceof String ? cut((String) v, limits) : v;
            case CHARS:
                return Markers.CHAR_ARRAY;
            case BYTES:
                byte[] b = (byte[]) v;
                return new CapturedBytes(Arrays.copyOf(b, Math.min(b.length, limits.maxBinaryBytes())), b.length);
            case THROWABLE:
                return ThrowableCapture.capture((Throwable) v, limits);
            case ATOMIC:
                return atomicValue(v);
            case CLASS:
                return ((Class<?>) v).getName();
            case OTHER:
                return text(v, limits);
            default:
                break;
        }
        // Containers: guard depth and cycles, by identity.
        if (depth >= limits.maxDepth()) {
            return Markers.MAX_DEPTH;
        }
        if (ancestors == null) {
            ancestors = new Object[limits.maxDepth()];
        }
        for (int i = 0; i < depth; i++) {
            if (ancestors[i] == v) {
                return Markers.circular(v);
            }
        }
        ancestors[depth] = v;
        try {
            switch (kind) {
                case MAP:
                    return map((Map<?, ?>) v, limits, depth, ancestors);
                case COLLECTION:
                    return collection((Collection<?>) v, limits, depth, ancestors);
                case OBJECT_ARRAY:
                    return objectArray((Object[]) v, limits, depth, ancestors);
                case PRIMITIVE_ARRAY:
                    return primitiveArray(v, limits);
                case OPTIONAL:
                    Object inner = ((Optional<?>) v).orElse(null);
                    return inner == null ? null : child(inner, limits, depth, ancestors);
                case RECORD:
                    return record(v, limits, depth, ancestors);
                default:
                    return text(v, limits);
            }
        } catch (Throwable unreadable) {
            Fatal.rethrowIfFatal(unreadable);
            // A concurrent modification, a throwing iterator or accessor: keep a marker, not the exception.
            return Markers.threw("reading", v.getClass(), unreadable);
        } finally {
            ancestors[depth] = null;
        }
    }

    private static Object child(Object v, ValueLimits limits, int depth, Object[] ancestors) {
        if (v == null) {
            return null;
        }
        Kind kind = kindOf(v.getClass());
        if (kind == Kind.IMMUTABLE) {
            return v instanceof String ? cut((String) v, limits) : v;
        }
        return nested(v, kind, limits, depth + 1, ancestors);
    }

    private static CapturedMap map(Map<?, ?> m, ValueLimits limits, int depth, Object[] ancestors) {
        int cap = limits.maxElements();
        String[] keys = new String[Math.min(m.size(), cap)];
        Object[] values = new Object[keys.length];
        int n = 0;
        int seen = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            seen++;
            if (n < keys.length) {
                Object k = e.getKey();
                keys[n] = k instanceof String ? (String) k : k == null ? "null" : text(k, limits);
                values[n] = child(e.getValue(), limits, depth, ancestors);
                n++;
            }
        }
        if (n < keys.length) {
            keys = Arrays.copyOf(keys, n);
            values = Arrays.copyOf(values, n);
        }
        return new CapturedMap(keys, values, seen - n);
    }

    private static CapturedList collection(Collection<?> c, ValueLimits limits, int depth, Object[] ancestors) {
        int cap = limits.maxElements();
        Object[] out = new Object[Math.min(c.size(), cap)];
        int n = 0;
        int seen = 0;
        for (Iterator<?> it = c.iterator(); it.hasNext(); ) {
            Object e = it.next();
            seen++;
            if (n < out.length) {
                out[n++] = child(e, limits, depth, ancestors);
            }
        }
        return new CapturedList(n < out.length ? Arrays.copyOf(out, n) : out, seen - n);
    }

    private static CapturedList objectArray(Object[] a, ValueLimits limits, int depth, Object[] ancestors) {
        int n = Math.min(a.length, limits.maxElements());
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = child(a[i], limits, depth, ancestors);
        }
        return new CapturedList(out, a.length - n);
    }

    private static CapturedList primitiveArray(Object a, ValueLimits limits) {
        int length = java.lang.reflect.Array.getLength(a);
        int n = Math.min(length, limits.maxElements());
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            out[i] = java.lang.reflect.Array.get(a, i); // boxes: immutable
        }
        return new CapturedList(out, length - n);
    }

    private static Object record(Object r, ValueLimits limits, int depth, Object[] ancestors) throws Exception {
        Method[] accessors = RECORD_ACCESSORS.get(r.getClass());
        if (accessors == null) {
            return text(r, limits);
        }
        String[] keys = new String[accessors.length];
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            keys[i] = accessors[i].getName();
            values[i] = child(accessors[i].invoke(r), limits, depth, ancestors);
        }
        return new CapturedMap(keys, values, 0);
    }

    private static Object atomicValue(Object v) {
        if (v instanceof AtomicInteger) {
            return ((AtomicInteger) v).get();
        }
        if (v instanceof AtomicLong) {
            return ((AtomicLong) v).get();
        }
        if (v instanceof AtomicBoolean) {
            return ((AtomicBoolean) v).get();
        }
        if (v instanceof LongAdder) {
            return ((LongAdder) v).sum();
        }
        return ((DoubleAdder) v).sum();
    }

    /**
     * A string cut to the encoder's limit now, so the queue never holds characters that will not be written (a 1 MB
     * string logged while a sink hangs would otherwise stay pinned by the event). Same marker as the encoder's.
     */
    static String cut(String s, ValueLimits limits) {
        return s.length() > limits.maxStringLength() ? Markers.cap(s, limits.maxStringLength()) : s;
    }

    /** The guarded, capped {@code toString()} of a user object. */
    static String text(Object v, ValueLimits limits) {
        int[] depth = TO_STRING_DEPTH.get();
        if (depth[0] >= MAX_NESTED_TO_STRING) {
            return "[toString() recursion: " + v.getClass().getName() + "]";
        }
        depth[0]++;
        try {
            String s = v.toString();
            return s == null ? "null" : Markers.cap(s, limits.maxStringLength());
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            return Markers.threw("toString()", v.getClass(), failure);
        } finally {
            depth[0]--;
        }
    }

    private static Kind classify(Class<?> type) {
        if (type == String.class
                || type == Integer.class
                || type == Long.class
                || type == Double.class
                || type == Float.class
                || type == Short.class
                || type == Byte.class
                || type == Boolean.class
                || type == Character.class
                || type == BigInteger.class
                || type == BigDecimal.class
                || type == UUID.class
                || Enum.class.isAssignableFrom(type)
                || isJavaTime(type)) {
            return Kind.IMMUTABLE;
        }
        if (type == byte[].class) {
            return Kind.BYTES;
        }
        if (type == char[].class) {
            return Kind.CHARS;
        }
        if (type.isArray()) {
            return type.getComponentType().isPrimitive() ? Kind.PRIMITIVE_ARRAY : Kind.OBJECT_ARRAY;
        }
        if (Throwable.class.isAssignableFrom(type)) {
            return Kind.THROWABLE;
        }
        if (Map.class.isAssignableFrom(type)) {
            return Kind.MAP;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return Kind.COLLECTION;
        }
        if (type == Optional.class) {
            return Kind.OPTIONAL;
        }
        if (type.isRecord()) {
            return Kind.RECORD;
        }
        if (type == AtomicInteger.class
                || type == AtomicLong.class
                || type == AtomicBoolean.class
                || type == LongAdder.class
                || type == DoubleAdder.class) {
            return Kind.ATOMIC;
        }
        if (type == Class.class) {
            return Kind.CLASS;
        }
        return Kind.OTHER;
    }

    private static boolean isJavaTime(Class<?> type) {
        return type.getName().startsWith("java.time.") && type.getModule() == Object.class.getModule();
    }
}
