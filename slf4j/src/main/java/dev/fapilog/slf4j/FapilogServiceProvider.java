package dev.fapilog.slf4j;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 provider of fapilog, found by SLF4J through {@code META-INF/services}. With several providers on the
 * class path (Logback beside it, say), {@code -Dslf4j.provider=dev.fapilog.slf4j.FapilogServiceProvider} chooses it,
 * as SLF4J documents.
 *
 * <p>Loggers log into {@code Fapilog.defaultRuntime()} as it is when the logger is made: the application's runtime
 * in a CDI deployment, else the JVM's default runtime. The MDC is {@link dev.fapilog.LogContext}.
 */
public final class FapilogServiceProvider implements SLF4JServiceProvider {
    /** The SLF4J API version this provider is written for. */
    public static final String REQUESTED_API_VERSION = "2.0.99";

    private volatile FapilogLoggerFactory loggerFactory;
    private volatile IMarkerFactory markerFactory;
    private volatile MDCAdapter mdcAdapter;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    @Override
    public void initialize() {
        loggerFactory = new FapilogLoggerFactory();
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new LogContextMdcAdapter();
    }
}
