package dev.fapilog.slf4j;

import dev.fapilog.Level;
import dev.fapilog.spi.BridgeLogger;
import dev.fapilog.spi.Fatal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/**
 * An SLF4J logger over a fapilog {@link BridgeLogger}: events get {@code diagnostics.origin} {@code slf4j}, the
 * logger's name and the calling thread. Messages are formatted as SLF4J formats them ({@code {}} placeholders, a
 * trailing throwable taken as the exception, a throwing {@code toString()} written as SLF4J writes it); key-value
 * pairs of the fluent API ({@code atInfo().addKeyValue(k, v)}) arrive as typed fields, not pasted into the text
 * ({@link LoggingEventAware}); markers are kept as a {@code tags} list of their names (references included).
 *
 * <p>Thread-safe. Never throws into the caller, but for the errors {@link Fatal} names.
 */
final class FapilogLogger extends LegacyAbstractLogger implements LoggingEventAware {
    static final String ORIGIN = "slf4j";
    private static final long serialVersionUID = 1L;

    private final transient BridgeLogger target;

    FapilogLogger(String name, BridgeLogger target) {
        this.name = name;
        this.target = target;
    }

    @Override
    public boolean isTraceEnabled() {
        return target.isEnabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return target.isEnabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return target.isEnabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return target.isEnabled(Level.WARNING);
    }

    @Override
    public boolean isErrorEnabled() {
        return target.isEnabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    /** The classic API, after SLF4J took a trailing throwable out of the arguments. */
    @Override
    protected void handleNormalizedLoggingCall(
            org.slf4j.event.Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
        try {
            Object[] fields = marker == null ? null : new Object[] {"tags", tags(List.of(marker))};
            target.log(of(level), format(pattern, arguments), throwable, fields, null);
        } catch (Throwable failed) {
            Fatal.rethrowIfFatal(failed); // the bridge counts its own failures; nothing may reach the caller
        }
    }

    /** The fluent API: key-value pairs as fields, markers as tags, the event's own thread name if it has one. */
    @Override
    public void log(LoggingEvent event) {
        try {
            Level level = of(event.getLevel());
            if (!target.isEnabled(level)) {
                return;
            }
            Object[] arguments = event.getArgumentArray();
            Throwable error = event.getThrowable();
            if (error == null
                    && arguments != null
                    && arguments.length > 0
                    && arguments[arguments.length - 1] instanceof Throwable) {
                error = (Throwable) arguments[arguments.length - 1]; // as the classic API: a trailing throwable
                arguments = MessageFormatter.trimmedCopy(arguments);
            }
            target.log(level, format(event.getMessage(), arguments), error, fields(event), event.getThreadName());
        } catch (Throwable failed) {
            Fatal.rethrowIfFatal(failed);
        }
    }

    private static Object[] fields(LoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        List<Marker> markers = event.getMarkers();
        int n = (pairs == null ? 0 : pairs.size() * 2) + (markers == null || markers.isEmpty() ? 0 : 2);
        if (n == 0) {
            return null;
        }
        Object[] fields = new Object[n];
        int i = 0;
        if (pairs != null) {
            for (KeyValuePair p : pairs) {
                fields[i++] = p.key;
                fields[i++] = p.value;
            }
        }
        if (i < n) {
            fields[i++] = "tags";
            fields[i] = tags(markers);
        }
        return fields;
    }

    /** The names of the markers and of everything they refer to, each once, in order. */
    private static List<String> tags(List<Marker> markers) {
        List<String> names = new ArrayList<>();
        for (Marker m : markers) {
            addNames(m, names, 0);
        }
        return names;
    }

    private static void addNames(Marker m, List<String> names, int depth) {
        if (m == null || depth > 8 || names.contains(m.getName())) {
            return; // a marker graph may refer back to itself
        }
        names.add(m.getName());
        for (Iterator<Marker> it = m.iterator(); it.hasNext(); ) {
            addNames(it.next(), names, depth + 1);
        }
    }

    private static String format(String pattern, Object[] arguments) {
        if (pattern == null) {
            return "";
        }
        if (arguments == null || arguments.length == 0) {
            return pattern;
        }
        return MessageFormatter.basicArrayFormat(pattern, arguments);
    }

    private static Level of(org.slf4j.event.Level level) {
        if (level == null) {
            return Level.INFO;
        }
        switch (level) {
            case TRACE:
                return Level.TRACE;
            case DEBUG:
                return Level.DEBUG;
            case WARN:
                return Level.WARNING;
            case ERROR:
                return Level.ERROR;
            default:
                return Level.INFO;
        }
    }
}
