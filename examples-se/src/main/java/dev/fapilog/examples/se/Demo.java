package dev.fapilog.examples.se;

import dev.fapilog.Acceptance;
import dev.fapilog.AsyncLogger;
import dev.fapilog.DrainResult;
import dev.fapilog.Fapilog;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.Preset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small Java SE program: structured events with the {@code dev} preset (readable lines on standard output), request
 * context carried to another thread, a bound logger, an exception, the async facade, and the drain result at the end.
 */
public final class Demo {

    private Demo() {}

    public static void main(String[] args) throws Exception {
        DrainResult result = run();
        System.out.println();
        System.out.println("Drain result: " + result.summary());
        System.out.println("Balanced (submitted = delivered + filtered + dropped + failed + pending): "
                + result.stats().balanced());
    }

    /** Logs the demo's events and drains; returns the drain result. */
    public static DrainResult run() throws Exception {
        LogRuntime runtime = Fapilog.builder().name("demo").preset(Preset.DEV).buildRuntime();
        Logger log = runtime.logger("orders");

        log.info("Service starting", "version", "1.4.2", "port", 8080);
        try (LogContext.Scope request = LogContext.put("request_id", "req-7f3a")) {
            log.info("Processing request", "user_id", 123, "amount", 9.5, "currency", "EUR");

            Logger tenantLog = log.bind("tenant_id", "acme");
            tenantLog.warn("Slow payment provider", "latency_ms", 812);
            tenantLog.error("Payment failed", new IllegalStateException("card declined"), "order_id", "o-42");

            ExecutorService pool = Executors.newSingleThreadExecutor();
            pool.submit(LogContext.wrap(() -> log.info("Sending receipt", "channel", "email")))
                    .get();
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
        log.atInfo()
                .with("items", List.of("book", "pen"))
                .with("weight_kg", 1.25)
                .log("Order shipped");

        AsyncLogger audit = runtime.asyncLogger("audit");
        Acceptance accepted = audit.audit("Refund approved", "order_id", "o-42", "approved_by", "ops-7")
                .toCompletableFuture()
                .get();
        log.debug("Audit event " + accepted.name().toLowerCase());

        return runtime.drain(Duration.ofSeconds(5));
    }
}
