package dev.fapilog;

import java.util.ServiceLoader;

/**
 * Entry point.
 *
 * <pre>{@code
 * Logger log = Fapilog.getLogger("orders");                  // default runtime, cached by name
 * Logger custom = Fapilog.builder().preset(Preset.PRODUCTION).level(Level.DEBUG).build();
 * }</pre>
 *
 * <p>In an application of a CDI container (a WAR on WildFly or Payara, a Weld SE program), {@code getLogger} and
 * {@link #defaultRuntime()} give the application's runtime: the one injected loggers use, configured by MicroProfile
 * Config and drained when the application ends (static loggers included; after the end their events are counted as
 * {@code dropped(after_shutdown)}). Outside any application, the JVM's default runtime: created on first use from
 * system properties {@code fapilog.*} and environment variables {@code FAPILOG_*} (for example
 * {@code -Dfapilog.preset=production} or {@code FAPILOG_PRESET=production}); without them it uses the built-in
 * defaults: pretty output on a terminal, JSON lines otherwise. A JVM shutdown hook drains it unless
 * {@code fapilog.shutdown.hook=false}. Once it has been drained (by the hook or by the application), its loggers count
 * further events as {@code dropped(after_shutdown)}. Keys of the container integrations ({@code fapilog.cdi.*},
 * {@code fapilog.jaxrs.*}, {@code fapilog.bridge.*}) are ignored there.
 *
 * <p>All methods are thread-safe.
 *
 * @throws ConfigurationException from the first call that creates the default runtime when its settings are invalid
 */
public final class Fapilog {

    private Fapilog() {}

    /** The logger with this name over the {@linkplain #defaultRuntime() current application's runtime}. */
    public static Logger getLogger(String name) {
        return defaultRuntime().logger(name);
    }

    /** The logger named after {@code type} (its fully qualified name) over the default runtime. */
    public static Logger getLogger(Class<?> type) {
        return defaultRuntime().logger(type.getName());
    }

    /** The async logger with this name over the default runtime. */
    public static AsyncLogger getAsyncLogger(String name) {
        return defaultRuntime().asyncLogger(name);
    }

    /** The async logger named after {@code type} over the default runtime. */
    public static AsyncLogger getAsyncLogger(Class<?> type) {
        return defaultRuntime().asyncLogger(type.getName());
    }

    /**
     * The runtime of the application the calling thread belongs to (see the class description), else the JVM's default
     * runtime of this class loader, created on first use.
     */
    public static LogRuntime defaultRuntime() {
        return Provider.INSTANCE.defaultRuntime();
    }

    /** A builder for a new, independent runtime. */
    public static LoggerBuilder builder() {
        return Provider.INSTANCE.newBuilder();
    }

    private static final class Provider {
        static final FapilogProvider INSTANCE = load();

        private static FapilogProvider load() {
            for (FapilogProvider p : ServiceLoader.load(FapilogProvider.class, Fapilog.class.getClassLoader())) {
                return p;
            }
            throw new IllegalStateException("No " + FapilogProvider.class.getName()
                    + " found: META-INF/services of the fapilog-jakarta jar is missing from the class path");
        }
    }
}
