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
