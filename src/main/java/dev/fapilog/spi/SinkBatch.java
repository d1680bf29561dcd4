package dev.fapilog.spi;

import dev.fapilog.Level;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A batch of encoded events handed to {@link Sink#write(SinkBatch)}: the lines of all events, one after another in one
 * byte array, each ending with {@code '\n'}.
 *
 * <p>The batch is valid only during the {@code write} call and must not be modified or kept; the byte array is
 * recycled afterwards.
 *
 * <h2>Delivering a batch in parts</h2>
 * A sink that sends one batch as several requests (a receiver's size limit) or learns the fate of each line (a broker
 * acknowledging records) reports progress so that every event is counted for what happened to it, and a retry sends
 * nothing twice: {@link #commit(int)} after lines up to an index are acknowledged, {@link #drop(int, String)} for a
 * line the destination can never take. A retried {@code write} starts at {@link #committed()}; when the write finally
 * fails, only the lines from there on count as failed. A sink that writes the whole batch at once needs none of this.
 * These calls are made on the sink's thread only.
 */
public interface SinkBatch {

    /** Number of events. */
    int size();

    /** The array holding every line. Read-only. */
    byte[] array();

    /** Where the first line starts in {@link #array()}. */
    int offset();

    /** Total length of all lines in bytes. */
    int length();

    /** Start of the line of event {@code index} in {@link #array()}. */
    int lineStart(int index);

    /** End (exclusive, after the {@code '\n'}) of the line of event {@code index}. */
    int lineEnd(int index);

    /** The level of event {@code index}. */
    Level level(int index);

    /**
     * Lines already handled by earlier attempts of this write ({@link #commit(int)}): a retry starts at this index.
     * {@code 0} on the first attempt.
     */
    default int committed() {
        return 0;
    }

    /**
     * Records that every line before {@code upTo} is handled: delivered, unless passed to {@link #drop}. A smaller
     * value than {@link #committed()} is ignored.
     */
    default void commit(int upTo) {}

    /**
     * Line {@code index} will not be written by this sink (for example an event larger than the receiver accepts):
     * it counts as {@code dropped(reason)} for this sink however the write ends. Reasons take the form of
     * {@link SinkWriteException#reason()}.
     *
     * @throws IllegalArgumentException for a reason outside that form
     */
    default void drop(int index, String reason) {}

    /** Writes all lines to {@code out} in one call. */
    default void writeTo(OutputStream out) throws IOException {
        out.write(array(), offset(), length());
    }

    /** The line of event {@code index} without its {@code '\n'}, decoded as UTF-8. Allocates. */
    default String line(int index) {
        int start = lineStart(index);
        return new String(array(), start, lineEnd(index) - start - 1, java.nio.charset.StandardCharsets.UTF_8);
    }
}
