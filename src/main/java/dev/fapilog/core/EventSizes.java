package dev.fapilog.core;

/**
 * Rough heap sizes of captured values, for the queue's byte budget ({@code queue.max-bytes}). Containers carry their
 * size from the moment they are captured ({@link CapturedList#approxBytes()}, {@link CapturedMap#approxBytes()}), so a
 * large value is never walked a second time to be measured. Estimates, not measurements: strings count one byte per
 * character (compact strings), objects a small fixed overhead.
 */
final class EventSizes {
    /** What an ordinary event may take without touching the byte budget: the event count bounds those. */
    static final int BASELINE = 1024;

    private static final int OBJECT = 16;

    private EventSizes() {}

    static long of(Object v) {
        if (v == null) {
            return 0;
        }
        Class<?> type = v.getClass();
        // The common field types first, by class identity: this runs on the caller thread for every field.
        if (type == String.class) {
            return OBJECT + ((String) v).length();
        }
        if (type == Integer.class || type == Long.class || type == Double.class || type == Boolean.class) {
            return OBJECT;
        }
        if (v instanceof CapturedList) {
            return ((CapturedList) v).approxBytes();
        }
        if (v instanceof CapturedMap) {
            return ((CapturedMap) v).approxBytes();
        }
        if (v instanceof CapturedBytes) {
            return OBJECT + ((CapturedBytes) v).bytes().length;
        }
        if (v instanceof ThrowableSnapshot) {
            return throwable((ThrowableSnapshot) v);
        }
        return OBJECT;
    }

    /** Elements of a container, with the container's own arrays. */
    static long ofAll(Object[] values) {
        long n = OBJECT + 8L * values.length;
        for (Object v : values) {
            n += of(v);
        }
        return n;
    }

    private static long throwable(ThrowableSnapshot t) {
        long n = OBJECT
                + (t.message() == null ? 0 : t.message().length())
                + 64L * t.frames().size();
        if (t.cause() != null) {
            n += throwable(t.cause());
        }
        for (ThrowableSnapshot s : t.suppressed()) {
            n += throwable(s);
        }
        return n;
    }

    /** The bytes of an event above {@link #BASELINE}: what it charges to the byte budget (usually 0). */
    static int excess(String message, Object[] fields, int count, ThrowableSnapshot error) {
        long n = message == null ? 0 : message.length();
        for (int i = 1; i < count; i += 2) {
            n += of(fields[i]);
        }
        if (error != null) {
            n += throwable(error);
        }
        return n <= BASELINE ? 0 : (int) Math.min(Integer.MAX_VALUE, n - BASELINE);
    }
}
