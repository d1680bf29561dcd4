package dev.fapilog.sink.http;

import dev.fapilog.spi.JsonText;
import dev.fapilog.spi.SinkBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OTLP logs request bodies ({@code http/protobuf} or {@code http/json}): each envelope line read back
 * ({@link JsonText}), mapped ({@link OtlpRecord}), grouped by logger into scopes, encoded. A line that cannot be read
 * (it never happens with the runtime's own encoder) still becomes a record, with the line as its body.
 */
final class OtlpPayload implements HttpPayload {
    private final boolean json;
    private final OtlpProtobuf protobuf;
    private final OtlpJson jsonEncoding;

    OtlpPayload(boolean json, Map<String, Object> resourceAttributes) {
        this.json = json;
        this.protobuf = json ? null : new OtlpProtobuf(resourceAttributes);
        this.jsonEncoding = json ? new OtlpJson(resourceAttributes) : null;
    }

    @Override
    public String contentType() {
        return json ? "application/json" : "application/x-protobuf";
    }

    @Override
    @SuppressWarnings("unchecked")
    public byte[] encode(SinkBatch batch, int from, int to) {
        Map<String, List<OtlpRecord>> scopes = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            OtlpRecord r;
            int start = batch.lineStart(i);
            int end = batch.lineEnd(i) - 1; // without the '\n'
            try {
                Object envelope = JsonText.parse(batch.array(), start, end);
                r = OtlpRecord.of((Map<String, Object>) envelope, batch.level(i));
            } catch (RuntimeException unreadable) {
                String line = new String(batch.array(), start, end - start, StandardCharsets.UTF_8);
                r = new OtlpRecord(
                        "fapilog",
                        System.currentTimeMillis() * 1_000_000L,
                        OtlpRecord.severityOf(batch.level(i)),
                        batch.level(i).name(),
                        line,
                        Map.of(),
                        null,
                        null);
            }
            scopes.computeIfAbsent(r.scope(), s -> new ArrayList<>()).add(r);
        }
        return json ? jsonEncoding.encode(scopes) : protobuf.encode(scopes);
    }
}
