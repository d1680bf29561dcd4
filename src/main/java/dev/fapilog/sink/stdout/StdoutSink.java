package dev.fapilog.sink.stdout;

import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import dev.fapilog.spi.SinkContext;
import dev.fapilog.spi.SinkFormat;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Writes each batch to standard output (or standard error) in one call and flushes. The stream is the one installed
 * in {@code System.out}/{@code System.err} when the sink starts. A {@link PrintStream} hides I/O errors, so the sink
 * checks {@link PrintStream#checkError()} after each batch and throws when the stream is broken; the batch then counts
 * as failed instead of silently vanishing.
 */
final class StdoutSink implements Sink {
    private final String name;
    private final SinkFormat format;
    private final boolean useStderr;
    private PrintStream out;

    StdoutSink(String name, SinkFormat format, boolean useStderr) {
        this.name = name;
        this.format = format;
        this.useStderr = useStderr;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SinkFormat format() {
        return format;
    }

    @Override
    public void start(SinkContext context) {
        out = useStderr ? System.err : System.out;
    }

    @Override
    public void write(SinkBatch batch) throws IOException {
        out.write(batch.array(), batch.offset(), batch.length());
        if (out.checkError()) {
            throw new IOException((useStderr ? "standard error" : "standard output") + " is broken (write failed)");
        }
    }

    @Override
    public void flush() {
        out.flush();
    }
}
