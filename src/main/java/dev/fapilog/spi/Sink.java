package dev.fapilog.spi;

import dev.fapilog.Plugin;

/**
 * A destination for encoded events.
 *
 * <h2>Threading</h2>
 * Each sink has its own thread, made by the runtime's thread factory; every method of one sink instance is called on
 * that thread, one call at a time, never concurrently. The worker thread never waits on a sink beyond the sink's
 * deadline ({@code sink.<name>.timeout}, default 5 s): a {@code write} that overruns it is counted as
 * {@code failed(timeout)}, its thread is abandoned, and batches arriving while it is still stuck are counted as
 * {@code dropped(sink_stalled)}, or go to its {@code fallback}. When the stuck call returns, the sink receives batches
 * again.
 *
 * <h2>Failure</h2>
 * {@code write} returns normally when every line of the batch is written (or handed to a destination that
 * acknowledged it); that counts the batch as delivered. It throws when it could not write the batch: if
 * {@link #isRetryable(Exception)} says so the runtime retries (up to {@code sink.<name>.retry.max-attempts}, with
 * backoff and jitter, within the deadline), otherwise or when retries run out the batch counts as
 * {@code failed(exception)}; a {@link SinkWriteException} names its own reason, retry decision and wait. A {@code write}
 * that throws never stops the worker or other sinks. Sinks must not log through fapilog: calls made on pipeline
 * threads are diverted to the diagnostics channel.
 *
 * <h2>Isolation</h2>
 * A sink that falls behind (retrying, backing off, slow) while another sink waits for work loses its own oldest
 * waiting batches ({@code dropped(sink_backlog)}), never the other sink's. After
 * {@code sink.<name>.circuit.failure-threshold} failed batches in a row its circuit breaker opens: batches then go to
 * {@code sink.<name>.fallback} or count as {@code dropped(circuit_open)}, without calling {@code write}, until a
 * probe succeeds.
 */
public interface Sink extends Plugin {

    /** The encoding this sink wants. */
    default SinkFormat format() {
        return SinkFormat.JSON;
    }

    /** Called once, on the sink's thread, before the first batch. A sink whose start throws is not used. */
    default void start(SinkContext context) throws Exception {}

    /** Writes one batch. */
    void write(SinkBatch batch) throws Exception;

    /** Pushes out anything the sink buffers; called by {@code flush} and {@code drain}. */
    default void flush() throws Exception {}

    /** Flushes and releases resources; called once by {@code drain}. No further calls follow. */
    default void stop() throws Exception {}

    /** Whether a failed {@code write} may succeed if repeated. */
    default boolean isRetryable(Exception failure) {
        return false;
    }
}
