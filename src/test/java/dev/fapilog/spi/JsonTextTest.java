package dev.fapilog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict JSON reader that sinks and the test kit read envelopes back with. */
class JsonTextTest {

    @Test
    void readsEveryKindOfValueFromASliceOfBytes() {
        byte[] line =
                "xx{\"a\":[1,2.5,\"\\u00e9\\n\\ud83d\\ude00\",true,null,{}],\"b\":-0.0,\"c\":12345678901234567890,\"d\":\"ü\"}\nyy"
                        .getBytes(StandardCharsets.UTF_8);
        Object v = JsonText.parse(line, 2, line.length - 3);
        assertThat(v)
                .isEqualTo(Map.of(
                        "a",
                        Arrays.asList(1L, 2.5, "é\n😀", true, null, Map.of()),
                        "b",
                        -0.0,
                        "c",
                        new BigDecimal("12345678901234567890"),
                        "d",
                        "ü"));
        assertThat(List.<Object>copyOf(((Map<?, ?>) v).keySet())).containsExactly("a", "b", "c", "d");
    }

    @Test
    void rejectsWhatIsNotStrictJson() {
        for (String bad : List.of(
                "{\"a\":1,\"a\":2}",
                "[1,]",
                "{\"a\":\"x\ny\"}",
                "{\"a\":\"\\q\"}",
                "01x",
                "-",
                "1.",
                "[1 2]",
                "tru",
                "{\"a\" 1}",
                "\"open",
                "{} {}")) {
            assertThatThrownBy(() -> JsonText.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid JSON at byte");
        }
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(JsonText.MAX_DEPTH + 2) + "]".repeat(JsonText.MAX_DEPTH + 2);
        assertThatThrownBy(() -> JsonText.parse(deep)).hasMessageContaining("nesting deeper than");
        String ok = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
        assertThat(JsonText.parse(ok)).isInstanceOf(List.class);
    }
}
