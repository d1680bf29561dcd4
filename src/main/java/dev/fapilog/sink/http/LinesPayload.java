package dev.fapilog.sink.http;

import dev.fapilog.spi.SinkBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The envelopes themselves: {@code ndjson} (the lines as they are), {@code array} (a JSON array of the events) or
 * {@code wrapped} ({@code {"logs":[...]}}).
 */
final class LinesPayload implements HttpPayload {
    private static final byte[] WRAP_START = "{\"logs\":".getBytes(StandardCharsets.US_ASCII);

    private final String format;

    LinesPayload(String format) {
        this.format = format.toLowerCase(Locale.ROOT);
    }

    @Override
    public String contentType() {
        return format.equals("ndjson") ? "application/x-ndjson" : "application/json";
    }

    @Override
    public byte[] encode(SinkBatch batch, int from, int to) {
        int start = batch.lineStart(from);
        if (format.equals("ndjson")) {
            byte[] out = new byte[batch.lineEnd(to - 1) - start];
            System.arraycopy(batch.array(), start, out, 0, out.length);
            return out;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.lineEnd(to - 1) - start + 16);
        boolean wrapped = format.equals("wrapped");
        if (wrapped) {
            out.writeBytes(WRAP_START);
        }
        out.write('[');
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.write(',');
            }
            int s = batch.lineStart(i);
            out.write(batch.array(), s, batch.lineEnd(i) - 1 - s); // without the '\n'
        }
        out.write(']');
        if (wrapped) {
            out.write('}');
        }
        return out.toByteArray();
    }
}
