package dev.fapilog.bench;

/**
 * The one event every library logs: message "Processing request", fields user_id (int), amount (double) and currency
 * (string), and context request_id and tenant_id, at INFO.
 */
final class Workload {
    static final String MESSAGE = "Processing request";
    static final String REQUEST_ID = "req-7f3a9c";
    static final String TENANT_ID = "acme";
    static final double AMOUNT = 9.5;
    static final String CURRENCY = "EUR";

    /** Queue capacity used by every library (Log4j rounds to a power of two, so all use one). */
    static final int QUEUE = 1 << 14;

    private Workload() {}

    /** Logs the event through fapilog's {@code Logger} (the context is the caller's {@code LogContext}). */
    static void log(dev.fapilog.Logger log, int i) {
        log.info(MESSAGE, "user_id", userId(i), "amount", AMOUNT, "currency", CURRENCY);
    }

    /** A user id that varies like a real one (and is not a cached small Integer). */
    static int userId(int i) {
        return 100_000 + (i & 0xFFFF);
    }
}
