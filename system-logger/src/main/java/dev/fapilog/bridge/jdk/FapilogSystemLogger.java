package dev.fapilog.bridge.jdk;

import dev.fapilog.Fapilog;
import dev.fapilog.spi.BridgeLogger;
import dev.fapilog.spi.BridgeTarget;
import dev.fapilog.spi.Fatal;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A {@link System.Logger} over a fapilog {@link BridgeLogger}, bound at its first use to
 * {@code Fapilog.defaultRuntime()} (not when the JDK asks for it, which may be while the JVM starts). Levels: ALL and
 * TRACE {@code TRACE}, DEBUG, INFO, WARNING, ERROR as named, OFF never. Messages: the bundle's text for the key when
 * there is one, then {@code {0}} parameters as {@link MessageFormat} formats them (a malformed pattern or a throwing
 * parameter gives the text unformatted). Never throws, but for the errors {@link Fatal} names.
 */
final class FapilogSystemLogger implements System.Logger {
    static final String ORIGIN = "system-logger";

    /** Set while this thread makes the runtime: a logger used meanwhile (by the JDK, say) does not recurse into it. */
    private static final ThreadLocal<Boolean> BINDING = new ThreadLocal<>();

    private final String name;
    private volatile BridgeLogger target;

    FapilogSystemLogger(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean isLoggable(Level level) {
        BridgeLogger t = target();
        return t != null && level != Level.OFF && t.isEnabled(of(level));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
        try {
            BridgeLogger t = target();
            if (t != null && level != Level.OFF && t.isEnabled(of(level))) {
                t.log(of(level), text(bundle, msg), thrown, null, null);
            }
        } catch (Throwable failed) {
            Fatal.rethrowIfFatal(failed);
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        try {
            BridgeLogger t = target();
            if (t != null && level != Level.OFF && t.isEnabled(of(level))) {
                t.log(of(level), formatted(text(bundle, format), params), null, null, null);
            }
        } catch (Throwable failed) {
            Fatal.rethrowIfFatal(failed);
        }
    }

    private BridgeLogger target() {
        BridgeLogger t = target;
        if (t != null || BINDING.get() != null) {
            return t;
        }
        BINDING.set(Boolean.TRUE);
        try {
            t = BridgeTarget.of(Fapilog.defaultRuntime()).bridgeLogger(name, ORIGIN);
            target = t;
            return t;
        } catch (RuntimeException invalidSettings) {
            return null; // the default runtime reported it (ConfigurationException) to whoever made it first
        } finally {
            BINDING.remove();
        }
    }

    private static String text(ResourceBundle bundle, String key) {
        if (key == null) {
            return "";
        }
        if (bundle == null) {
            return key;
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException | ClassCastException missing) {
            return key;
        }
    }

    private static String formatted(String format, Object[] params) {
        if (params == null || params.length == 0) {
            return format;
        }
        try {
            return MessageFormat.format(format, params);
        } catch (Throwable bad) {
            Fatal.rethrowIfFatal(bad);
            return format;
        }
    }

    private static dev.fapilog.Level of(Level level) {
        switch (level) {
            case ALL:
            case TRACE:
                return dev.fapilog.Level.TRACE;
            case DEBUG:
                return dev.fapilog.Level.DEBUG;
            case WARNING:
                return dev.fapilog.Level.WARNING;
            case ERROR:
                return dev.fapilog.Level.ERROR;
            default:
                return dev.fapilog.Level.INFO;
        }
    }
}
