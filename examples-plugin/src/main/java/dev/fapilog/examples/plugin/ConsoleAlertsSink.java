package dev.fapilog.examples.plugin;

import dev.fapilog.Level;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkContext;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Writes the lines of events at or above a level to standard error (or output), so that a service whose JSON goes to
 * a file or a remote sink still shows its errors on the console. Called on its own sink thread, one call at a time,
 * like every sink; a broken stream makes {@code write} throw, and the runtime counts the batch as failed.
 */
final class ConsoleAlertsSink implements Sink {
    private final String name;
    private final Level minLevel;
    private final boolean useStdout;
    private PrintStream out;

    ConsoleAlertsSink(String name, Level minLevel, boolean useStdout) {
        this.name = name;
        this.minLevel = minLevel;
        this.useStdout = useStdout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(SinkContext context) {
        out = useStdout ? System.out : System.err; // taken at start, so a test can redirect the stream before it
    }

    @Override
    public void write(SinkBatch batch) throws IOException {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.level(i).priority() >= minLevel.priority()) {
                int start = batch.lineStart(i);
                out.write(batch.array(), start, batch.lineEnd(i) - start);
            }
        }
        out.flush();
        if (out.checkError()) {
            throw new IOException("the console stream reports an error");
        }
    }
}
