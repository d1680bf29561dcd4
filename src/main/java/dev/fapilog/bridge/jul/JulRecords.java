package dev.fapilog.bridge.jul;

import dev.fapilog.spi.Fatal;
import java.lang.reflect.Method;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.LogRecord;

/**
 * Reads what a JUL record carries: its message formatted as JUL formats it, and, for the JBoss Log Manager's
 * {@code ExtLogRecord} (WildFly), its own formatted message, MDC, NDC and thread name, found by name so that the
 * library needs no JBoss class. Never throws: a broken parameter, bundle or record gives the unformatted message.
 */
final class JulRecords {
    /**
     * The {@code ExtLogRecord} accessors by record class, or {@link #PLAIN} for a JDK record. Kept by this instance,
     * never in a {@code ClassValue}: that would store them in the server's record class, and through them keep an
     * undeployed application's class loader alive.
     */
    private final Map<Class<?>, Accessors> accessors = new ConcurrentHashMap<>();

    private static final Accessors PLAIN = new Accessors(null, null, null, null);

    private Accessors accessors(LogRecord r) {
        Class<?> type = r.getClass();
        if (type == LogRecord.class) {
            return PLAIN;
        }
        Accessors a = accessors.get(type);
        return a != null ? a : accessors.computeIfAbsent(type, Accessors::of);
    }

    /** The final text of the record, as a JUL formatter would write it (or the JBoss record's own formatting). */
    String message(LogRecord r) {
        Accessors a = accessors(r);
        if (a.formatted != null) {
            Object text = a.call(a.formatted, r);
            if (text instanceof String) {
                return (String) text;
            }
        }
        return julFormat(r);
    }

    /** {@code java.util.logging.Formatter.formatMessage} without its lock: bundle lookup, then {@code {0}} style. */
    static String julFormat(LogRecord r) {
        String raw = r.getMessage();
        if (raw == null) {
            return "";
        }
        String format = raw;
        try {
            ResourceBundle bundle = r.getResourceBundle();
            if (bundle != null) {
                format = bundle.getString(raw);
            }
        } catch (MissingResourceException | ClassCastException missing) {
            format = raw; // as JUL does: the key itself is the text
        }
        Object[] parameters = r.getParameters();
        if (parameters == null || parameters.length == 0 || !hasParameterReference(format)) {
            return format;
        }
        try {
            return MessageFormat.format(format, parameters);
        } catch (Throwable bad) {
            Fatal.rethrowIfFatal(bad);
            return format; // a malformed pattern or a parameter whose toString() throws: the text unformatted
        }
    }

    /** Whether the text has a {@code {digit} reference, as JUL checks before it formats. */
    private static boolean hasParameterReference(String format) {
        int fence = format.length() - 1;
        for (int i = format.indexOf('{'); i >= 0 && i < fence; i = format.indexOf('{', i + 1)) {
            char c = format.charAt(i + 1);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The thread name a JBoss record carries, else {@code null} (the current thread). */
    String threadName(LogRecord r) {
        Accessors a = accessors(r);
        Object name = a.thread == null ? null : a.call(a.thread, r);
        return name instanceof String ? (String) name : null;
    }

    /** Adds the JBoss record's MDC entries and NDC to {@code fields}; nothing for a JDK record. */
    void addContext(LogRecord r, List<Object> fields) {
        Accessors a = accessors(r);
        if (a.mdc != null) {
            Object mdc = a.call(a.mdc, r);
            if (mdc instanceof Map) {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) mdc).entrySet()) {
                    fields.add(String.valueOf(e.getKey()));
                    fields.add(e.getValue());
                }
            }
        }
        if (a.ndc != null) {
            Object ndc = a.call(a.ndc, r);
            if (ndc instanceof String && !((String) ndc).isEmpty()) {
                fields.add("ndc");
                fields.add(ndc);
            }
        }
    }

    private record Accessors(Method formatted, Method mdc, Method ndc, Method thread) {
        static Accessors of(Class<?> type) {
            return new Accessors(
                    method(type, "getFormattedMessage"),
                    method(type, "getMdcCopy"),
                    method(type, "getNdc"),
                    method(type, "getThreadName"));
        }

        private static Method method(Class<?> type, String name) {
            try {
                return type.getMethod(name); // public methods of a public class: no setAccessible needed
            } catch (NoSuchMethodException | RuntimeException absent) {
                return null;
            }
        }

        Object call(Method m, LogRecord r) {
            try {
                return m.invoke(r);
            } catch (Throwable failed) {
                Fatal.rethrowIfFatal(failed);
                return null;
            }
        }
    }
}
