package dev.fapilog.testing;

import dev.fapilog.Level;
import dev.fapilog.spi.SinkBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link SinkBatch} made from given lines, for unit tests of a sink without a runtime: each line gets its
 * {@code '\n'}, and the lines sit in one array at a non-zero offset, as the runtime's batches may. Immutable.
 */
public final class TestBatch implements SinkBatch {
    private static final int OFFSET = 3;

    private final byte[] array;
    private final int[] starts;
    private final Level[] levels;

    private TestBatch(byte[] array, int[] starts, Level[] levels) {
        this.array = array;
        this.starts = starts;
        this.levels = levels;
    }

    /** A batch of these lines (without their {@code '\n'}), every event at {@code level}. */
    public static TestBatch of(Level level, List<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[OFFSET], 0, OFFSET); // the batch does not start at index 0 of its array
        int[] starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = out.size();
            byte[] line = lines.get(i).getBytes(StandardCharsets.UTF_8);
            out.write(line, 0, line.length);
            out.write('\n');
        }
        starts[lines.size()] = out.size();
        Level[] levels = new Level[lines.size()];
        Arrays.fill(levels, level);
        return new TestBatch(out.toByteArray(), starts, levels);
    }

    /** A batch of these lines at INFO. */
    public static TestBatch of(String... lines) {
        return of(Level.INFO, List.of(lines));
    }

    @Override
    public int size() {
        return levels.length;
    }

    @Override
    public byte[] array() {
        return array;
    }

    @Override
    public int offset() {
        return OFFSET;
    }

    @Override
    public int length() {
        return starts[levels.length] - OFFSET;
    }

    @Override
    public int lineStart(int index) {
        return starts[index];
    }

    @Override
    public int lineEnd(int index) {
        return starts[index + 1];
    }

    @Override
    public Level level(int index) {
        return levels[index];
    }
}
