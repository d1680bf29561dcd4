package dev.fapilog.core;

import java.util.List;

/**
 * An exception as captured on the caller thread: type, message, the first frames, causes and suppressed exceptions,
 * each capped. Nothing of the original {@code Throwable} is called again after capture, so a {@code getMessage()} that
 * blocks or an exception mutated later cannot affect the worker.
 *
 * @param type the class name
 * @param message the message, capped; {@code null} when there was none
 * @param frames the first frames, rendered as {@code Class.method(File.java:12)}
 * @param framesOmitted frames left out
 * @param cause the cause, or {@code null}
 * @param causesOmitted causes left out beyond the depth cap (on the deepest captured cause)
 * @param suppressed the first suppressed exceptions
 * @param suppressedOmitted suppressed exceptions left out
 * @param circular whether this node repeats an exception already shown above it (then only {@code type} is set)
 */
record ThrowableSnapshot(
        String type,
        String message,
        List<StackTraceElement> frames,
        int framesOmitted,
        ThrowableSnapshot cause,
        int causesOmitted,
        List<ThrowableSnapshot> suppressed,
        int suppressedOmitted,
        boolean circular) {}
