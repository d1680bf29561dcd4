package dev.fapilog.bench;

import dev.fapilog.boot.ApplicationRuntimes;
import dev.fapilog.bridge.jul.FapilogHandler;
import java.nio.file.Path;
import java.util.logging.Handler;

/**
 * A library logged into through another API, as a library or framework does: SLF4J 2 (fluent API, key-value pairs,
 * MDC) into fapilog (fapilog-slf4j), Logback and Log4j 2 (log4j-slf4j2-impl); or JUL (three {@code {0}} parameters)
 * into fapilog ({@link FapilogHandler}) and Log4j 2 ({@code Log4jBridgeHandler}). The backend is set up as its own
 * subject is, so the bridge's cost is what differs.
 */
final class BridgeSubject implements Subject {
    private static final String JUL_MESSAGE = Workload.MESSAGE + " user_id={0} amount={1} currency={2}";

    private final Subject backend;
    private final org.slf4j.Logger slf4j;
    private final java.util.logging.Logger jul;
    private final String settings;

    private BridgeSubject(Subject backend, org.slf4j.Logger slf4j, java.util.logging.Logger jul, String api) {
        this.backend = backend;
        this.slf4j = slf4j;
        this.jul = jul;
        this.settings = api + " into: " + backend.settings();
    }

    /** {@code slf4j-fapilog}, {@code slf4j-logback}, {@code slf4j-log4j2}, {@code jul-fapilog} or {@code jul-log4j2}. */
    static Subject create(String library, Target target, Path file, boolean lossless, int queue) {
        switch (library) {
            case "slf4j-fapilog": {
                System.setProperty("slf4j.provider", "dev.fapilog.slf4j.FapilogServiceProvider");
                FapilogSubject backend = new FapilogSubject(target, file, lossless, queue, false);
                // The benchmark's runtime is the "application's": Fapilog.defaultRuntime(), which the provider uses.
                ApplicationRuntimes.register(BridgeSubject.class.getClassLoader(), backend.runtime());
                return slf4j(backend, "fapilog-slf4j (LoggingEventAware)");
            }
            case "slf4j-logback":
                System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
                return slf4j(new LogbackSubject(target, file, lossless, queue), "SLF4J (logback-classic)");
            case "slf4j-log4j2":
                System.setProperty("slf4j.provider", "org.apache.logging.slf4j.SLF4JServiceProvider");
                return slf4j(new Log4jSubject(target, file, lossless, queue), "SLF4J (log4j-slf4j2-impl)");
            case "jul-fapilog": {
                FapilogSubject backend = new FapilogSubject(target, file, lossless, queue, false);
                return jul(backend, new FapilogHandler(backend.runtime()), "JUL FapilogHandler");
            }
            case "jul-log4j2":
                return jul(
                        new Log4jSubject(target, file, lossless, queue),
                        new org.apache.logging.log4j.jul.Log4jBridgeHandler(false, null, false),
                        "JUL Log4jBridgeHandler (log4j-jul)");
            default:
                throw new IllegalArgumentException("unknown bridge " + library);
        }
    }

    private static Subject slf4j(Subject backend, String api) {
        return new BridgeSubject(backend, org.slf4j.LoggerFactory.getLogger("bench"), null, api);
    }

    private static Subject jul(Subject backend, Handler handler, String api) {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("bench");
        jul.setUseParentHandlers(false);
        jul.setLevel(java.util.logging.Level.INFO);
        jul.addHandler(handler);
        return new BridgeSubject(backend, null, jul, api);
    }

    @Override
    public void enterContext() {
        if (slf4j != null) {
            org.slf4j.MDC.put("request_id", Workload.REQUEST_ID);
            org.slf4j.MDC.put("tenant_id", Workload.TENANT_ID);
        } else {
            backend.enterContext(); // JUL has no context of its own: the backend's (LogContext, ThreadContext)
        }
    }

    @Override
    public Object log(int i) {
        if (slf4j != null) {
            slf4j.atInfo()
                    .addKeyValue("user_id", Workload.userId(i))
                    .addKeyValue("amount", Workload.AMOUNT)
                    .addKeyValue("currency", Workload.CURRENCY)
                    .log(Workload.MESSAGE);
        } else {
            jul.log(java.util.logging.Level.INFO, JUL_MESSAGE, new Object[] {
                Workload.userId(i), Workload.AMOUNT, Workload.CURRENCY
            });
        }
        return null;
    }

    @Override
    public void flush() {
        backend.flush();
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public long dropped() {
        return backend.dropped();
    }

    @Override
    public String backgroundThreadPrefix() {
        return backend.backgroundThreadPrefix();
    }

    @Override
    public String settings() {
        return settings;
    }
}
