package dev.fapilog.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The independent oracle for output: every line is decoded as strict UTF-8, parsed by Jackson (not by the library's
 * own reader) with duplicate keys rejected, and validated against the JSON Schema shipped in the jar.
 */
public final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonSchema SCHEMA = loadSchema();

    private JsonLines() {}

    private static JsonSchema loadSchema() {
        try (InputStream in =
                dev.fapilog.Fapilog.class.getResourceAsStream("/dev/fapilog/json/envelope-v1.1.schema.json")) {
            assertThat(in).as("schema resource in the jar").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks one encoded line (with its trailing newline) and returns it parsed. */
    public static JsonNode check(byte[] line) {
        assertThat(line.length).isGreaterThan(1);
        assertThat(line[line.length - 1]).as("line ends with \\n").isEqualTo((byte) '\n');
        for (int i = 0; i < line.length - 1; i++) {
            assertThat(line[i])
                    .as("byte %d", i)
                    .isNotEqualTo((byte) '\n')
                    .isNotEqualTo((byte) '\r')
                    .isNotEqualTo((byte) 0x1B)
                    .isNotEqualTo((byte) 0x00);
        }
        String text = strictUtf8(line);
        assertThat(text).doesNotContain("\u009b", "\u2028", "\u2029", "\u202e");
        return checkText(text.substring(0, text.length() - 1));
    }

    /** Checks one line given as text (without the newline) and returns it parsed. */
    public static JsonNode checkText(String line) {
        assertThat(line).doesNotContain("\n", "\r");
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not valid JSON: " + e.getMessage() + "\n" + abbreviate(line), e);
        }
        Set<ValidationMessage> errors = SCHEMA.validate(node);
        assertThat(errors).as("schema errors for %s", abbreviate(line)).isEmpty();
        return node;
    }

    /** Checks that a line is one valid JSON object (for lines outside the envelope schema, such as diagnostics). */
    public static JsonNode checkTextIsJson(String line) {
        assertThat(line).doesNotContain("\n", "\r");
        try {
            JsonNode node = MAPPER.readTree(line);
            assertThat(node.isObject()).isTrue();
            return node;
        } catch (Exception e) {
            throw new AssertionError("not valid JSON: " + e.getMessage() + "\n" + abbreviate(line), e);
        }
    }

    /** Checks every line of a chunk of output. */
    public static List<JsonNode> checkAll(byte[] output) {
        List<JsonNode> nodes = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < output.length; i++) {
            if (output[i] == '\n') {
                byte[] line = java.util.Arrays.copyOfRange(output, start, i + 1);
                nodes.add(check(line));
                start = i + 1;
            }
        }
        assertThat(start).as("output ends with a complete line").isEqualTo(output.length);
        return nodes;
    }

    public static List<JsonNode> checkLines(List<String> lines) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : lines) {
            nodes.add(check((l + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return nodes;
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("output is not valid UTF-8", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
