package dev.fapilog.spi;

/**
 * The one exception to "a log call never throws" and "a plug-in's failure never stops the worker": errors the JVM
 * cannot recover from ({@link VirtualMachineError}: out of memory, stack overflow, internal error) are rethrown,
 * never swallowed, so that the application and the container see them.
 */
public final class Fatal {
    private Fatal() {}

    /** Rethrows {@code t} if it is a {@link VirtualMachineError}; otherwise returns and the caller handles it. */
    public static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError) {
            throw (VirtualMachineError) t;
        }
    }
}
