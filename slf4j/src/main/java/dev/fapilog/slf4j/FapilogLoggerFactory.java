package dev.fapilog.slf4j;

import dev.fapilog.Fapilog;
import dev.fapilog.LogRuntime;
import dev.fapilog.spi.BridgeTarget;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/**
 * Makes the SLF4J loggers: one per name and runtime, bound for good to {@code Fapilog.defaultRuntime()} as it is
 * when the logger is asked for (a static logger in an application keeps logging into that application's runtime,
 * and counts {@code dropped(after_shutdown)} once it has drained, like a native static logger). Thread-safe.
 */
final class FapilogLoggerFactory implements ILoggerFactory {
    /** Weak by runtime, so the loggers of a drained, forgotten runtime go with it. */
    private final Map<LogRuntime, Map<String, FapilogLogger>> byRuntime = new WeakHashMap<>();

    @Override
    public Logger getLogger(String name) {
        LogRuntime runtime = Fapilog.defaultRuntime();
        Map<String, FapilogLogger> loggers;
        synchronized (byRuntime) {
            loggers = byRuntime.computeIfAbsent(runtime, r -> new ConcurrentHashMap<>());
        }
        String n = name == null ? Logger.ROOT_LOGGER_NAME : name;
        return loggers.computeIfAbsent(
                n, k -> new FapilogLogger(k, BridgeTarget.of(runtime).bridgeLogger(k, FapilogLogger.ORIGIN)));
    }
}
