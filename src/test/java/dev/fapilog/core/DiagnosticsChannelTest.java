package dev.fapilog.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.support.JsonLines;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DiagnosticsChannelTest {

    @Test
    void rateLimitedPerKeyWithSuppressedCounts() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        DiagnosticsChannel d = new DiagnosticsChannel("rt", true, lines::add, "stderr");
        for (int i = 0; i < 100; i++) {
            d.warn("sink", "write_failed", "failed", "i", i);
        }
        d.warn("sink", "other_key", "separate bucket");
        assertThat(lines).hasSize(6);
        Thread.sleep(1_100);
        d.warn("sink", "write_failed", "after refill");
        assertThat(lines.get(6)).contains("\"suppressed\":95");
        for (String l : lines) {
            JsonLines.checkTextIsJson(l);
        }
    }

    @Test
    void detailsNamedLikeLineFieldsOrEachOtherAreRenamedSoTheLineStaysValidJson() {
        List<String> lines = new CopyOnWriteArrayList<>();
        DiagnosticsChannel d = new DiagnosticsChannel("rt", true, lines::add, "stderr");
        d.warn("redactor", "k", "m", "logger", "orders", "field", "a", "field", "b", "message", null);
        String line = lines.get(0);
        JsonLines.checkTextIsJson(line);
        assertThat(line)
                .contains(
                        "\"logger\":\"fapilog.diagnostics\"",
                        "\"detail_logger\":\"orders\"",
                        "\"field\":\"a\"",
                        "\"detail_field\":\"b\"",
                        "\"message\":\"m\"",
                        "\"detail_message\":null");
    }

    @Test
    void disabledMeansSilentAndNothingThrows() {
        List<String> lines = new CopyOnWriteArrayList<>();
        DiagnosticsChannel d = new DiagnosticsChannel("rt", false, lines::add, "stderr");
        d.warn("c", "k", "m");
        assertThat(lines).isEmpty();
        DiagnosticsChannel throwing = new DiagnosticsChannel(
                "rt",
                true,
                l -> {
                    throw new IllegalStateException("listener bug");
                },
                "stderr");
        throwing.warn("c", "k", "m", "odd", new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException();
            }
        });
    }
}
