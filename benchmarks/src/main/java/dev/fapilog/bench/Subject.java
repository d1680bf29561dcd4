package dev.fapilog.bench;

import java.nio.file.Path;

/**
 * One library set up for one scenario. Each scenario runs in its own JVM, because Log4j and Logback configure
 * themselves globally.
 */
interface Subject extends AutoCloseable {

    /** Puts the workload's context (request_id, tenant_id) on the calling thread; once per producer thread. */
    void enterContext();

    /** Logs event {@code i}; returns what the call returned (a stage for the async facade), for a blackhole. */
    Object log(int i);

    /** Waits until everything logged so far is written (as far as the library allows). */
    void flush();

    /** Drains and stops the library; after this, a file is complete. */
    @Override
    void close();

    /** Events the library itself counted as dropped, or -1 when it does not count them. */
    long dropped();

    /** How the library's background threads are named, to measure their CPU and allocation. */
    String backgroundThreadPrefix();

    /** The settings used, for the results. */
    String settings();

    /** For libraries without a flush: checks {@code done} every millisecond until it holds (or the thread is interrupted). */
    static void pollUntil(java.util.function.BooleanSupplier done) {
        try {
            while (!done.getAsBoolean()) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Creates a subject.
     *
     * @param library {@code fapilog}, {@code fapilog-async}, {@code log4j2} or {@code logback}
     * @param lossless wait (or block) when the queue is full instead of dropping, where the library offers it
     * @param queue queue capacity
     */
    static Subject create(String library, Target target, Path file, boolean lossless, int queue) {
        switch (library) {
            case "fapilog":
                return new FapilogSubject(target, file, lossless, queue, false);
            case "fapilog-async":
                return new FapilogSubject(target, file, lossless, queue, true);
            case "log4j2":
                return new Log4jSubject(target, file, lossless, queue);
            case "logback":
                return new LogbackSubject(target, file, lossless, queue);
            case "slf4j-fapilog":
            case "slf4j-logback":
            case "slf4j-log4j2":
            case "jul-fapilog":
            case "jul-log4j2":
                return BridgeSubject.create(library, target, file, lossless, queue);
            default:
                throw new IllegalArgumentException("unknown library " + library);
        }
    }
}
