package dev.fapilog.bridge.jdk;

/**
 * The {@link System.LoggerFinder} of fapilog: with this artifact on the JVM's class path, every
 * {@code System.getLogger(name)} (the JDK's own platform loggers included) logs into the fapilog pipeline, with
 * {@code diagnostics.origin} {@code system-logger}. The JDK loads exactly one finder, from the system class loader, so
 * the artifact is the opt-in: the main library never takes {@code System.Logger} over by itself. In a server the
 * finder is the server's; there, {@code System.Logger} reaches fapilog through the JUL handler.
 *
 * <p>The library's own diagnostics logger ({@code dev.fapilog.diagnostics}, used with
 * {@code fapilog.diagnostics.output=system-logger}) is never bridged: its lines go to standard error.
 *
 * <p>The JDK may ask for loggers very early; nothing is created until a logger first logs or is asked whether it
 * would. Thread-safe.
 */
public final class FapilogLoggerFinder extends System.LoggerFinder {

    @Override
    public System.Logger getLogger(String name, Module module) {
        if (StandardErrorLogger.NAME.equals(name)) {
            return new StandardErrorLogger();
        }
        return new FapilogSystemLogger(name == null ? "root" : name);
    }
}
