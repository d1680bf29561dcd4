package dev.fapilog.core;

import dev.fapilog.config.ValueLimits;
import dev.fapilog.spi.Fatal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Captures an exception on the caller thread into a {@link ThrowableSnapshot}. Every call into the exception
 * ({@code getMessage}, {@code getStackTrace}, {@code getCause}, {@code getSuppressed}) is guarded, causes and
 * suppressed exceptions are followed with an identity set (so broken {@code equals}/{@code hashCode} and cycles
 * through {@code initCause} cannot loop), and everything is capped.
 */
final class ThrowableCapture {

    private ThrowableCapture() {}

    static ThrowableSnapshot capture(Throwable t, ValueLimits limits) {
        try {
            return node(t, limits, new IdentityHashMap<>(), 0);
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            return new ThrowableSnapshot(
                    t.getClass().getName(),
                    Markers.threw("capturing the exception", t.getClass(), failure),
                    List.of(),
                    0,
                    null,
                    0,
                    List.of(),
                    0,
                    false);
        }
    }

    private static ThrowableSnapshot node(Throwable t, ValueLimits limits, Map<Throwable, Boolean> seen, int depth) {
        String type = t.getClass().getName();
        if (seen.put(t, Boolean.TRUE) != null) {
            return new ThrowableSnapshot(type, null, List.of(), 0, null, 0, List.of(), 0, true);
        }
        String message = message(t, limits);
        StackTraceElement[] trace = stackTrace(t);
        int kept = Math.min(trace.length, limits.maxFrames());
        List<StackTraceElement> frames = List.of(Arrays.copyOf(trace, kept));

        ThrowableSnapshot cause = null;
        int causesOmitted = 0;
        Throwable next = guardedCause(t);
        if (next != null) {
            if (depth + 1 >= limits.maxCauseDepth()) {
                causesOmitted = countCauses(next, limits.maxCauseDepth() * 64);
            } else {
                cause = node(next, limits, seen, depth + 1);
            }
        }

        Throwable[] suppressedAll = suppressed(t);
        int keepSuppressed = Math.min(suppressedAll.length, limits.maxSuppressed());
        List<ThrowableSnapshot> suppressed = new ArrayList<>(keepSuppressed);
        for (int i = 0; i < keepSuppressed; i++) {
            if (suppressedAll[i] != null) {
                suppressed.add(node(suppressedAll[i], limits, seen, depth + 1));
            }
        }
        return new ThrowableSnapshot(
                type,
                message,
                frames,
                trace.length - kept,
                cause,
                causesOmitted,
                List.copyOf(suppressed),
                suppressedAll.length - keepSuppressed,
                false);
    }

    private static String message(Throwable t, ValueLimits limits) {
        try {
            String m = t.getMessage();
            return m == null ? null : Markers.cap(m, limits.maxStringLength());
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            return Markers.threw("getMessage()", t.getClass(), failure);
        }
    }

    private static StackTraceElement[] stackTrace(Throwable t) {
        try {
            StackTraceElement[] trace = t.getStackTrace();
            return trace == null ? new StackTraceElement[0] : trace;
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            return new StackTraceElement[0];
        }
    }

    private static Throwable guardedCause(Throwable t) {
        try {
            Throwable c = t.getCause();
            return c == t ? null : c;
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            return null;
        }
    }

    private static Throwable[] suppressed(Throwable t) {
        try {
            Throwable[] s = t.getSuppressed();
            return s == null ? new Throwable[0] : s;
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            return new Throwable[0];
        }
    }

    /** Counts the remaining causes, stopping at a cycle or at {@code max}. */
    private static int countCauses(Throwable from, int max) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        int n = 0;
        for (Throwable c = from; c != null && n < max && seen.put(c, Boolean.TRUE) == null; c = guardedCause(c)) {
            n++;
        }
        return n;
    }
}
