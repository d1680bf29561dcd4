package dev.fapilog.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.LogRuntime;
import dev.fapilog.config.RedactionPresets;
import dev.fapilog.support.TestCards;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * No Luhn-valid card number of a known issuer survives the PCI_DSS preset, wherever it is: the message, a field of any
 * name, a nested map or list, or a logged request header; plain, spaced or dashed. 500 random cases.
 */
class PciDssPropertyTest {
    private static final String[][] ISSUERS = {
        {"4", "16"},
        {"4", "13"},
        {"51", "16"},
        {"2221", "16"},
        {"34", "15"},
        {"37", "15"},
        {"6011", "16"},
        {"65", "16"},
        {"3530", "16"},
        {"36", "14"},
        {"62", "16"},
        {"67", "19"}
    };

    @Test
    void noCardNumberSurvivesAnywhere() {
        SplittableRandom random = new SplittableRandom(2026);
        MemorySink sink = new MemorySink("mem", 10_000);
        LogRuntime rt = TestRuntimes.builder()
                .setting("redaction.presets", "PCI_DSS")
                .plugin(sink)
                .buildRuntime();
        String[] numbers = new String[500];
        for (int i = 0; i < numbers.length; i++) {
            String[] issuer = ISSUERS[random.nextInt(ISSUERS.length)];
            String card = TestCards.card(issuer[0], Integer.parseInt(issuer[1]), random);
            numbers[i] = card;
            int style = random.nextInt(3);
            String shown = style == 0 ? card : TestCards.grouped(card, style == 1 ? ' ' : '-');
            switch (random.nextInt(5)) {
                case 0 -> rt.logger("p").info("paid with " + shown + " today");
                case 1 -> rt.logger("p").info("event", "note", "customer said " + shown);
                case 2 -> rt.logger("p").info("event", "order", Map.of("details", Map.of("free_text", shown)));
                case 3 -> rt.logger("p").info("event", "lines", List.of("x", "ref " + shown + "!"));
                default -> rt.logger("p").info("request_completed", "headers", Map.of("x-debug", "card=" + shown));
            }
        }
        rt.drain(Duration.ofSeconds(10));
        List<String> lines = sink.lines();
        assertThat(lines).hasSize(numbers.length);
        for (int i = 0; i < numbers.length; i++) {
            String line = lines.get(i).replace(" ", "").replace("-", "");
            assertThat(line).as("case %d", i).doesNotContain(numbers[i]);
        }
    }

    @Test
    void thePresetsAreComposableAndInspectable() {
        assertThat(RedactionPresets.available()).hasSize(13);
        var gdpr = RedactionPresets.resolve("GDPR_PII");
        assertThat(gdpr.parents())
                .containsExactlyInAnyOrder(
                        "CONTACT_INFO",
                        "PERSONAL_IDENTIFIERS",
                        "ONLINE_IDENTIFIERS",
                        "FINANCIAL_IDENTIFIERS",
                        "EU_GOVERNMENT_IDS");
        assertThat(gdpr.fields()).contains("email", "first_name", "ip_address", "iban", "national_id", "genetic_data");
        assertThat(RedactionPresets.resolve("GDPR_PII_UK").fields()).contains("nino", "email", "genetic_data");
        assertThat(RedactionPresets.resolve("PCI_DSS").scanValues()).isTrue();
        assertThat(RedactionPresets.resolve("HIPAA_PHI").scanValues()).isFalse();
        assertThat(RedactionPresets.tagged("region:UK"))
                .extracting(RedactionPresets.RedactionPreset::name)
                .containsExactlyInAnyOrder("UK_GOVERNMENT_IDS", "GDPR_PII_UK");
    }
}
