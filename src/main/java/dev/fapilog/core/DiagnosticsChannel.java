package dev.fapilog.core;

import dev.fapilog.config.ValueLimits;
import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.Fatal;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The library's own status channel. Reports are JSON lines written to a listener, to standard error, to
 * {@link System.Logger} or to JUL ({@code diagnostics.output}, logger {@code dev.fapilog.diagnostics}); never into the logging pipeline, so reporting from the worker,
 * from a sink, or while the queue is full cannot recurse or deadlock.
 *
 * <p>Rate limit: each component and key has a bucket of 5 reports refilled at one per second; reports over the limit
 * are counted and the count is attached to the next report that gets through ({@code "suppressed":n}). At most 1,000
 * distinct keys are tracked. Thread-safe; never throws.
 */
final class DiagnosticsChannel implements Diagnostics {

    private static final int BURST = 5;
    private static final long REFILL_NANOS = 1_000_000_000L;
    private static final int MAX_KEYS = 1_000;

    private final String runtimeName;
    private final boolean enabled;
    private final Consumer<String> listener;
    private final String output;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong reports = new AtomicLong();

    /**
     * @param listener receives each line; {@code null} to write to {@code output}
     * @param output {@code stderr}, {@code system-logger} or {@code jul}
     */
    public DiagnosticsChannel(String runtimeName, boolean enabled, Consumer<String> listener, String output) {
        this.runtimeName = runtimeName;
        this.enabled = enabled;
        this.listener = listener;
        this.output = output;
    }

    /** Reports written so far (after rate limiting). */
    public long reportsWritten() {
        return reports.get();
    }

    @Override
    public void warn(String component, String key, String message, Object... details) {
        report("WARN", component, key, message, details);
    }

    @Override
    public void info(String component, String key, String message, Object... details) {
        report("INFO", component, key, message, details);
    }

    private void report(String level, String component, String key, String message, Object... details) {
        if (!enabled) {
            return;
        }
        try {
            String bucketKey = component + '/' + key;
            Bucket bucket = buckets.get(bucketKey);
            if (bucket == null) {
                if (buckets.size() >= MAX_KEYS) {
                    return;
                }
                bucket = buckets.computeIfAbsent(bucketKey, k -> new Bucket());
            }
            long suppressed = bucket.take(System.nanoTime());
            if (suppressed < 0) {
                return;
            }
            emit(level, render(level, component, key, message, suppressed, details));
        } catch (Throwable ignored) {
            Fatal.rethrowIfFatal(ignored);
            // The status channel must never fail its caller.
        }
    }

    private String render(String level, String component, String key, String message, long suppressed, Object[] d) {
        ByteBuf out = new ByteBuf(256);
        out.put((byte) '{');
        field(out, "ts", Instant.now().toString(), false);
        field(out, "level", level, true);
        field(out, "logger", "fapilog.diagnostics", true);
        field(out, "runtime", runtimeName, true);
        field(out, "component", component, true);
        field(out, "key", key, true);
        field(out, "message", message, true);
        if (suppressed > 0) {
            field(out, "suppressed", suppressed, true);
        }
        // A detail named like a line field ("logger", "message") or like an earlier detail is renamed, so that the
        // line stays one valid JSON object whatever a plug-in passes.
        Set<String> names =
                new HashSet<>(List.of("ts", "level", "logger", "runtime", "component", "key", "message", "suppressed"));
        for (int i = 0; i + 1 < d.length; i += 2) {
            String name = String.valueOf(d[i]);
            while (!names.add(name)) {
                name = "detail_" + name;
            }
            field(out, name, d[i + 1], true);
        }
        out.put((byte) '}');
        return out.toString();
    }

    private static void field(ByteBuf out, String name, Object v, boolean comma) {
        if (comma) {
            out.put((byte) ',');
        }
        JsonWriter.key(out, name, 128);
        if (v == null) {
            JsonWriter.nullValue(out);
        } else if (v instanceof Long || v instanceof Integer) {
            out.putLong(((Number) v).longValue());
        } else if (v instanceof Boolean) {
            JsonWriter.bool(out, (Boolean) v);
        } else {
            JsonWriter.string(out, v instanceof String ? (String) v : ValueCapture.text(v, ValueLimits.DEFAULTS), 4096);
        }
    }

    private void emit(String level, String line) {
        reports.incrementAndGet();
        if (listener != null) {
            listener.accept(line);
            return;
        }
        byte[] bytes = (line + '\n').getBytes(StandardCharsets.UTF_8);
        if (jvmShuttingDown()) {
            // The drain report often comes from a shutdown hook (a server undeploying on SIGTERM). By then the
            // platform logging may already be reset by its own hook, and a server's System.err may be a stream into
            // that logging: both would lose the line. The process's own standard error still works.
            writeProcessStderr(bytes);
            return;
        }
        if ("jul".equals(output)) {
            java.util.logging.Logger.getLogger("dev.fapilog.diagnostics")
                    .log(level.equals("WARN") ? java.util.logging.Level.WARNING : java.util.logging.Level.INFO, line);
            return;
        }
        if ("system-logger".equals(output)) {
            System.getLogger("dev.fapilog.diagnostics")
                    .log(level.equals("WARN") ? System.Logger.Level.WARNING : System.Logger.Level.INFO, line);
            return;
        }
        PrintStream err = System.err;
        err.write(bytes, 0, bytes.length);
        err.flush();
    }

    /** Whether the JVM is running its shutdown hooks: registering a hook is refused then. */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        } catch (SecurityException notAllowed) {
            return false;
        }
    }

    private static void writeProcessStderr(byte[] bytes) {
        try {
            FileOutputStream err = new FileOutputStream(FileDescriptor.err); // not closed: that would close fd 2
            err.write(bytes);
            err.flush();
        } catch (java.io.IOException ignored) {
            // Nowhere left to report to.
        }
    }

    /** A token bucket; {@link #take} returns the reports suppressed since the last pass, or -1 to suppress. */
    private static final class Bucket {
        private double tokens = BURST;
        private long last = System.nanoTime();
        private long suppressed;

        synchronized long take(long now) {
            tokens = Math.min(BURST, tokens + (now - last) / (double) REFILL_NANOS);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                long s = suppressed;
                suppressed = 0;
                return s;
            }
            suppressed++;
            return -1;
        }
    }
}
