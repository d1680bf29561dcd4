package dev.fapilog.spi;

/**
 * The one exception to "a log call never throws" and "a plug-in's failure never stops the worker": errors after which
 * the JVM cannot be trusted to go on ({@link OutOfMemoryError}, {@link InternalError}, {@link UnknownError}: the
 * {@link VirtualMachineError}s) are rethrown, never swallowed, so that the application and the container see them.
 *
 * <p>{@link StackOverflowError} is the exception among them, on purpose: by the time it is caught the stack has
 * unwound, and what caused it is data (a {@code toString} that recurses, a sink that recurses on a deep value), which
 * the library's promise covers: the value becomes a marker, the stage is skipped, the batch counts as failed, and
 * logging goes on (see {@code docs/reference/envelope.md} and the reliability test plan).
 *
 * <p>Plug-in authors who catch {@code Throwable} should start the catch block with {@link #rethrowIfFatal}.
 */
public final class Fatal {
    private Fatal() {}

    /** Whether {@code t} must never be swallowed. */
    public static boolean isFatal(Throwable t) {
        return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
    }

    /** Rethrows {@code t} if it {@linkplain #isFatal is fatal}; otherwise returns and the caller handles it. */
    public static void rethrowIfFatal(Throwable t) {
        if (isFatal(t)) {
            throw (VirtualMachineError) t;
        }
    }
}
