package dev.fapilog.core;

import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import java.io.PrintStream;

/**
 * The last-resort fallback ({@code sink.<name>.fallback=stderr}, catalogue 5.2 and 6.8): writes the lines another
 * sink could not write to standard error, through {@link MinimalRedaction} first, because the application's
 * redaction may be off and standard error often ends up in a place nobody reviewed. Always available, never in the
 * pipeline's own sink list.
 */
final class StderrFallbackSink implements Sink {
    static final String NAME = "stderr";

    private final ByteBuf out = new ByteBuf(8 * 1024);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(SinkBatch batch) {
        out.reset();
        for (int i = 0; i < batch.size(); i++) {
            MinimalRedaction.line(batch.array(), batch.lineStart(i), batch.lineEnd(i), out);
        }
        PrintStream err = System.err; // read per batch: tests and containers replace it
        err.write(out.array(), 0, out.length());
        err.flush();
        out.shrink(64 * 1024);
    }
}
