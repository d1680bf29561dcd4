package dev.fapilog.support;

import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Keeps the raw bytes of every line, so tests can check them with {@link JsonLines}. */
public class RecordingSink implements Sink {
    private final String name;
    private final List<byte[]> lines = new ArrayList<>();
    private volatile int flushes;
    private volatile boolean stopped;

    public RecordingSink(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void write(SinkBatch batch) throws Exception {
        List<byte[]> copy = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            copy.add(java.util.Arrays.copyOfRange(batch.array(), batch.lineStart(i), batch.lineEnd(i)));
        }
        synchronized (this) {
            lines.addAll(copy);
        }
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    public synchronized List<byte[]> rawLines() {
        return new ArrayList<>(lines);
    }

    public synchronized int count() {
        return lines.size();
    }

    public synchronized byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            out.writeBytes(l);
        }
        return out.toByteArray();
    }

    public int flushes() {
        return flushes;
    }

    public boolean stopped() {
        return stopped;
    }
}
