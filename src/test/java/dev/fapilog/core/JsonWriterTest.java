package dev.fapilog.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fapilog.testing.JsonReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** After Log4j's JsonWriterTest: a sweep over code points, decoded by Jackson, must give the input back. */
class JsonWriterTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static String roundTrip(String s, int max) throws Exception {
        ByteBuf out = new ByteBuf(16);
        JsonWriter.string(out, s, max);
        byte[] bytes = java.util.Arrays.copyOf(out.array(), out.length());
        return JACKSON.readValue(bytes, String.class);
    }

    @Test
    void everyCodePointSurvivesARoundTrip() throws Exception {
        Random random = new Random(42);
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += 1 + random.nextInt(cp < 0x10000 ? 3 : 512)) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                continue;
            }
            String s = "a" + new String(Character.toChars(cp)) + "z";
            assertThat(roundTrip(s, 100)).as("U+%04X", cp).isEqualTo(s);
        }
    }

    @Test
    void loneSurrogatesAreReplacedNeverWrittenRaw() throws Exception {
        assertThat(roundTrip("\ud800", 10)).isEqualTo("\ufffd");
        assertThat(roundTrip("x\udc00y", 10)).isEqualTo("x\ufffdy");
        assertThat(roundTrip("\ud83d\ude00", 10)).isEqualTo("😀");
    }

    @Test
    void escapesAreTheDocumentedOnes() {
        ByteBuf out = new ByteBuf(16);
        JsonWriter.string(out, "\"\\\b\f\n\r\t\u0000\u001f\u007f\u0080\u009f\u2028\u2029\u202e\u200b\ufeff/é", 100);
        assertThat(out.toString())
                .isEqualTo(
                        "\"\\\"\\\\\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u0080\\u009f\\u2028\\u2029\\u202e\\u200b\\ufeff/é\"");
    }

    @Test
    void truncationKeepsTheCapIncludingTheMarker() throws Exception {
        String s = "x".repeat(1_000);
        String back = roundTrip(s, 100);
        assertThat(back).hasSizeLessThanOrEqualTo(100).endsWith("…[truncated, 1000 chars]");
    }

    @Test
    void numbersAndUuids() throws Exception {
        ByteBuf out = new ByteBuf(16);
        out.putLong(Long.MIN_VALUE);
        out.put((byte) ' ');
        out.putLong(-42);
        out.put((byte) ' ');
        StringBuilder scratch = new StringBuilder();
        JsonWriter.number(out, Double.NaN, scratch);
        out.put((byte) ' ');
        JsonWriter.number(out, 9.5, scratch);
        out.put((byte) ' ');
        JsonWriter.number(out, 1.1f, scratch);
        out.put((byte) ' ');
        JsonWriter.number(out, 1e300, scratch);
        assertThat(out.toString()).isEqualTo("-9223372036854775808 -42 \"NaN\" 9.5 1.1 1.0E300");
        UUID id = UUID.randomUUID();
        ByteBuf u = new ByteBuf(16);
        JsonWriter.uuid(u, id);
        assertThat(new String(u.array(), 0, u.length(), StandardCharsets.US_ASCII))
                .isEqualTo("\"" + id + "\"");
    }

    @Test
    void timestampsAreRfc3339UtcWithMicroseconds() {
        UtcTimestamp t = new UtcTimestamp();
        ByteBuf out = new ByteBuf(16);
        t.write(out, 1_795_392_000L, 123_456_789);
        out.put((byte) ' ');
        t.write(out, 0L, 1_000);
        assertThat(out.toString()).isEqualTo("\"2026-11-23T00:00:00.123456Z\" \"1970-01-01T00:00:00.000001Z\"");
    }

    @Test
    void theOwnReaderParsesWhatTheWriterWrites() {
        Object parsed =
                JsonReader.parse("{\"a\":[1,2.5,\"x\\u00e9\\n\",true,null,{}],\"b\":-0.0,\"c\":12345678901234567890}");
        assertThat(parsed.toString()).isEqualTo("{a=[1, 2.5, xé\n, true, null, {}], b=-0.0, c=12345678901234567890}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonReader.parse("{\"a\":1,\"a\":2}"))
                .hasMessageContaining("duplicate key");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonReader.parse("[1,]"))
                .hasMessageContaining("Invalid JSON");
    }
}
