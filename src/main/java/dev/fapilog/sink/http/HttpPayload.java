package dev.fapilog.sink.http;

import dev.fapilog.spi.SinkBatch;
import java.io.IOException;

/**
 * How a network sink turns lines of a batch into one request body: the lines as they are, a JSON array, Loki's push
 * format or an OTLP request. Called on the sink's thread only; an implementation may keep reusable state.
 */
interface HttpPayload {

    /** The request's {@code Content-Type}. */
    String contentType();

    /** The body for the events {@code from} (inclusive) to {@code to} (exclusive) of {@code batch}. */
    byte[] encode(SinkBatch batch, int from, int to) throws IOException;
}
