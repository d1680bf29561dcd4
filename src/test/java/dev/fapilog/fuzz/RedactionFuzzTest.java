package dev.fapilog.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.fapilog.support.JsonLines;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Every redactor against a planted secret (reliability anchors F1 iv): a secret planted where a redactor is meant to
 * find it, inside structure and text the fuzzer chooses, never reaches the output. The planted forms: a value under a
 * credential key at any depth of maps and lists ({@code field-mask}, {@code regex-mask}, CREDENTIALS), a URL's
 * password in any string or the message ({@code url-credentials}), a Luhn-valid card number ({@code value-scan},
 * PCI_DSS), a value under a high-risk key such as {@code body} ({@code field-blocker}), and text beyond the length
 * {@code string-truncate} keeps. The fuzzer's own text never contains the secret (it is removed), so only a planted copy could leak.
 */
class RedactionFuzzTest {
    private static final String[] CREDENTIAL_KEYS = {
        "password", "api_key", "token", "secret", "Authorization", "client_secret", "refresh_token", "db_password"
    };
    private static final String CARD = "4111 1111 1111 1111";
    /** What {@code string-truncate} keeps of a string here. */
    private static final int KEEP = 200;

    private static final FuzzInputs.OneEvent EVENTS = new FuzzInputs.OneEvent("fuzz-redact", b -> b.redactors(
                    "field-mask", "regex-mask", "url-credentials", "value-scan", "field-blocker", "string-truncate")
            .setting("redaction.presets", "CREDENTIALS,PCI_DSS")
            .setting("redaction.max-string-length", Integer.toString(KEEP)));

    @AfterAll
    static void drain() {
        EVENTS.drain();
    }

    @FuzzTest(maxDuration = "20s")
    void aPlantedSecretNeverSurvives(FuzzedDataProvider d) {
        String secret = "Zq" + d.consumeInt(100_000, 999_999) + "xK";
        int where = d.consumeInt(0, 5);
        Map<String, Object> fields = new LinkedHashMap<>();
        int extra = d.consumeInt(0, 3);
        for (int i = 0; i < extra; i++) {
            fields.put("f" + i, clean(FuzzInputs.value(d, 1), secret));
        }
        String message = clean(FuzzInputs.anyString(d, 80), secret);
        String planted;
        switch (where) {
            case 0: // under a credential key, at some depth
                planted = secret;
                Object nested = secret;
                int depth = d.consumeInt(0, 3);
                nested = Map.of(CREDENTIAL_KEYS[d.consumeInt(0, CREDENTIAL_KEYS.length - 1)], nested);
                for (int i = 0; i < depth; i++) {
                    nested = d.consumeBoolean()
                            ? Map.of(clean(FuzzInputs.anyString(d, 10), secret), nested)
                            : new ArrayList<>(List.of(nested));
                }
                fields.put(nested instanceof Map ? "outer" : "items", nested);
                break;
            case 1: // a URL's password, in a field
                planted = secret;
                fields.put("note", around(d, secret, "https://user:" + secret + "@db.example.com/x"));
                break;
            case 2: // a URL's password, in the message
                planted = secret;
                message = around(d, secret, "postgres://app:" + secret + "@10.0.0.7:5432/orders");
                break;
            case 3: // a card number, in a field
                planted = "4111111111111111";
                fields.put("note", around(d, secret, CARD));
                break;
            case 4: // a high-risk key, at some depth
                planted = secret;
                Object body = Map.of(d.pickValue(new String[] {"body", "payload", "raw_request", "Dump"}), secret);
                fields.put("request", d.consumeBoolean() ? body : new ArrayList<>(List.of(body)));
                break;
            default: // beyond what string-truncate keeps
                planted = secret;
                // The fuzzed text first, then KEEP plain characters: an earlier redactor may shorten the fuzzed part
                // (a URL's credentials become ***), which must not bring the secret within what is kept.
                fields.put("long", clean(FuzzInputs.anyString(d, 60), secret) + "x".repeat(KEEP) + secret);
                break;
        }
        String text = message;
        byte[] line = EVENTS.line(rt -> rt.logger("r").info(text, fields));
        JsonLines.check(line);
        String out = new String(line, StandardCharsets.UTF_8);
        assertThat(out)
                .as("planted %s in %s", where, out)
                .doesNotContain(planted)
                .doesNotContain(CARD);
    }

    /** The planted text between fuzzed text, with delimiters that cannot join it to its neighbours. */
    private static String around(FuzzedDataProvider d, String secret, String planted) {
        return clean(FuzzInputs.anyString(d, 60), secret) + " ; " + planted + " ; "
                + clean(FuzzInputs.anyString(d, 60), secret);
    }

    /** Removes the secret and the card digits from fuzzed values, so only the planted copy can leak. */
    @SuppressWarnings("unchecked")
    private static <T> T clean(T value, String secret) {
        if (value instanceof String) {
            return (T) ((String) value).replace(secret, "").replace("4111", "");
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> out.put(clean(k, secret), clean(v, secret)));
            return (T) out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            ((List<Object>) value).forEach(v -> out.add(clean(v, secret)));
            return (T) out;
        }
        if (value instanceof Object[]) {
            Object[] in = (Object[]) value;
            Object[] out = new Object[in.length];
            for (int i = 0; i < in.length; i++) {
                out[i] = clean(in[i], secret);
            }
            return (T) out;
        }
        return value;
    }
}
