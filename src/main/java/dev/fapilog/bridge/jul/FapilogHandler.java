package dev.fapilog.bridge.jul;

import dev.fapilog.Fapilog;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import dev.fapilog.spi.BridgeLogger;
import dev.fapilog.spi.BridgeTarget;
import dev.fapilog.spi.Fatal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * A {@code java.util.logging} handler that sends every record it receives into a fapilog pipeline, so the logs of
 * libraries and frameworks that use JUL (and, on WildFly, JBoss Logging, SLF4J, the Log4j 2 API and commons-logging,
 * which all end in JUL records there) get the envelope, redaction, correlation id and accounting of native events.
 *
 * <p>Install it from {@code logging.properties} ({@code handlers = dev.fapilog.bridge.jul.FapilogHandler}), from code
 * ({@code java.util.logging.Logger.getLogger("").addHandler(new FapilogHandler())}), or let the CDI extension install
 * it for the application ({@code fapilog.bridge.jul.install}). The no-argument handler logs into
 * {@link Fapilog#defaultRuntime()}, looked up at each record: the runtime of the application the logging thread
 * belongs to, else the JVM's default runtime.
 *
 * <p>Each record becomes one event with {@code diagnostics.origin} {@code jul}: the record's logger name; its level
 * mapped by value (SEVERE {@code ERROR}, WARNING, INFO, CONFIG and FINE {@code DEBUG}, FINER and FINEST {@code TRACE},
 * 1100 and above {@code CRITICAL}); its message formatted as JUL formats it (resource bundle, then {@code {0}}
 * parameters; a WildFly record's own formatted message, so JBoss Logging's {@code infof} arrives formatted); its
 * exception; the thread that logged; a WildFly record's MDC entries as fields and its NDC as {@code ndc}; and, with
 * the handler property {@code source=true}, {@code source_class} and {@code source_method} (off by default: for a
 * record that does not carry them, JUL finds them by walking the stack).
 *
 * <p>Records never come back into the pipeline that produced them: the library's own diagnostics logger
 * ({@code dev.fapilog.diagnostics}), the servers' standard-stream loggers ({@code stdout}, {@code stderr},
 * {@code javax.enterprise.logging.stdout}, {@code ...stderr}) are skipped, and a record from one of the pipeline's
 * own threads is counted as {@code dropped(pipeline_thread)} instead of queued.
 *
 * <p>Thread-safe. {@link #publish} never throws (a failure is reported once to the handler's {@code ErrorManager}); a
 * record below the handler's level or the runtime's threshold costs a level check only. {@link #close} stops the
 * handler taking records; it does not drain the runtime, which belongs to its owner.
 */
public final class FapilogHandler extends Handler {
    /** The origin of bridged JUL records. */
    public static final String ORIGIN = "jul";

    private static final String DIAGNOSTICS_LOGGER = "dev.fapilog.diagnostics";

    /**
     * Records published while this thread is already inside {@link #publish}, by depth: a parameter whose
     * {@code toString()} logs through JUL is bridged once more, but not without end.
     */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private static final int MAX_DEPTH = 2;

    private final LogRuntime fixedRuntime;
    private final Predicate<Thread> accepts;
    private final boolean withSource;
    private final JulRecords records = new JulRecords();
    private volatile Loggers loggers = new Loggers(null);
    private volatile boolean closed;
    private volatile boolean failureReported;

    /** A handler over {@link Fapilog#defaultRuntime()}, configured from the JUL {@link LogManager} properties. */
    public FapilogHandler() {
        this(null, t -> true, booleanProperty(FapilogHandler.class.getName() + ".source"));
        String level = LogManager.getLogManager().getProperty(FapilogHandler.class.getName() + ".level");
        if (level != null) {
            try {
                setLevel(java.util.logging.Level.parse(level.trim()));
            } catch (IllegalArgumentException invalid) {
                reportError("invalid level '" + level + "'", invalid, ErrorManager.GENERIC_FAILURE);
            }
        }
    }

    /** A handler over one runtime, for installation from code. */
    public FapilogHandler(LogRuntime runtime) {
        this(requireRuntime(runtime), t -> true, false);
    }

    /**
     * A handler over one runtime that takes only records logged on threads {@code accepts} admits (the CDI extension
     * passes "the thread's context class loader is the application's", so that one application's handler on a
     * shared logger ignores the others).
     *
     * @param withSource whether to add {@code source_class} and {@code source_method}
     */
    public FapilogHandler(LogRuntime runtime, Predicate<Thread> accepts, boolean withSource) {
        this.fixedRuntime = runtime;
        this.accepts = accepts;
        this.withSource = withSource;
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || record == null || !isLoggable(record)) {
            return;
        }
        String name = record.getLoggerName();
        if (isOwnOrStreamLogger(name) || !accepts.test(Thread.currentThread())) {
            return;
        }
        int[] depth = DEPTH.get();
        if (depth[0] >= MAX_DEPTH) {
            reportOnce(
                    "JUL records logged from inside the bridge itself (a parameter whose toString() logs) were"
                            + " skipped past depth " + MAX_DEPTH,
                    new IllegalStateException("recursive JUL record"));
            return;
        }
        depth[0]++;
        try {
            BridgeLogger target = loggerFor(name == null || name.isEmpty() ? "root" : name);
            Level level = JulLevels.of(record.getLevel());
            if (target == null || !target.isEnabled(level)) {
                return;
            }
            Object[] fields = fields(record);
            target.log(level, records.message(record), record.getThrown(), fields, records.threadName(record));
        } catch (Throwable failed) {
            Fatal.rethrowIfFatal(failed);
            reportOnce("fapilog could not take a JUL record", failed);
        } finally {
            depth[0]--;
        }
    }

    private Object[] fields(LogRecord record) {
        List<Object> fields = null;
        if (withSource) {
            fields = new ArrayList<>(8);
            addIfPresent(fields, "source_class", record.getSourceClassName());
            addIfPresent(fields, "source_method", record.getSourceMethodName());
        }
        if (record.getClass() != LogRecord.class) {
            if (fields == null) {
                fields = new ArrayList<>(8);
            }
            records.addContext(record, fields);
        }
        return fields == null || fields.isEmpty() ? null : fields.toArray();
    }

    private static void addIfPresent(List<Object> fields, String key, String value) {
        if (value != null) {
            fields.add(key);
            fields.add(value);
        }
    }

    /** The pipeline's own diagnostics, and the loggers servers turn {@code System.out} and {@code err} into. */
    private static boolean isOwnOrStreamLogger(String name) {
        if (name == null) {
            return false;
        }
        switch (name) {
            case DIAGNOSTICS_LOGGER:
            case "stdout":
            case "stderr":
            case "javax.enterprise.logging.stdout":
            case "javax.enterprise.logging.stderr":
                return true;
            default:
                return false;
        }
    }

    private BridgeLogger loggerFor(String name) {
        LogRuntime runtime = fixedRuntime != null ? fixedRuntime : currentRuntime();
        if (runtime == null) {
            return null;
        }
        Loggers current = loggers;
        if (current.runtime != runtime) {
            current = new Loggers(runtime); // the application changed (or first use): start a new cache
            loggers = current;
        }
        return current.get(name);
    }

    private LogRuntime currentRuntime() {
        try {
            return Fapilog.defaultRuntime();
        } catch (RuntimeException invalid) {
            reportOnce("fapilog's default runtime could not start; JUL records are not bridged", invalid);
            return null;
        }
    }

    private void reportOnce(String message, Throwable cause) {
        if (!failureReported) {
            failureReported = true;
            reportError(
                    message + ": " + cause,
                    cause instanceof Exception ? (Exception) cause : null,
                    ErrorManager.WRITE_FAILURE);
        }
    }

    /** Nothing to flush: delivery is the runtime's, which flushes on its own schedule and at drain. */
    @Override
    public void flush() {}

    /** Stops taking records. The runtime keeps running: its owner drains it. */
    @Override
    public void close() {
        closed = true;
    }

    private static LogRuntime requireRuntime(LogRuntime runtime) {
        if (runtime == null) {
            throw new NullPointerException("runtime");
        }
        return runtime;
    }

    private static boolean booleanProperty(String key) {
        String v = LogManager.getLogManager().getProperty(key);
        return v != null && v.trim().equalsIgnoreCase("true");
    }

    /** The bridge loggers of one runtime, by JUL logger name. */
    private static final class Loggers {
        final LogRuntime runtime;
        private final Map<String, BridgeLogger> byName = new ConcurrentHashMap<>();

        Loggers(LogRuntime runtime) {
            this.runtime = runtime;
        }

        BridgeLogger get(String name) {
            BridgeLogger l = byName.get(name);
            if (l == null) {
                if (byName.size() > 10_000) {
                    byName.clear(); // loggers named per request or per id: bound the cache, not the logging
                }
                l = byName.computeIfAbsent(name, n -> BridgeTarget.of(runtime).bridgeLogger(n, ORIGIN));
            }
            return l;
        }
    }
}
