package dev.fapilog.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.LogRuntime;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static JsonNode logOne(Map<String, String> settings, Object... kv) {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder().settings(settings).plugin(sink).buildRuntime();
        rt.logger("r").info("message with postgres://u:p@db/x inside", kv);
        rt.drain(Duration.ofSeconds(5));
        return JsonLines.checkLines(sink.lines()).get(0).get("log");
    }

    @Test
    void fieldMaskPathsWildcardsIndicesAndDeepMatches() {
        JsonNode e = logOne(
                Map.of(
                        "redactors",
                        "field-mask",
                        "redaction.fields",
                        "data.user.pin,data.cards[*].number,data.items.1,context.tenant_id," + "data.**.cvv,data.any.*",
                        "redaction.mask",
                        "[hidden]"),
                "user",
                Map.of("name", "ann", "pin", "1234"),
                "cards",
                List.of(Map.of("number", "4111", "brand", "visa"), Map.of("number", "5500")),
                "items",
                List.of("a", "b", "c"),
                "tenant_id",
                "acme",
                "deep",
                Map.of("x", Map.of("y", List.of(Map.of("cvv", "999")))),
                "any",
                Map.of("p", 1, "q", 2));
        JsonNode d = e.get("data");
        assertThat(d.get("user").get("pin").asText()).isEqualTo("[hidden]");
        assertThat(d.get("user").get("name").asText()).isEqualTo("ann");
        assertThat(d.get("cards").get(0).get("number").asText()).isEqualTo("[hidden]");
        assertThat(d.get("cards").get(0).get("brand").asText()).isEqualTo("visa");
        assertThat(d.get("cards").get(1).get("number").asText()).isEqualTo("[hidden]");
        assertThat(d.get("items").get(0).asText()).isEqualTo("a");
        assertThat(d.get("items").get(1).asText()).isEqualTo("[hidden]");
        assertThat(e.get("context").get("tenant_id").asText()).isEqualTo("[hidden]");
        assertThat(d.get("deep").get("x").get("y").get(0).get("cvv").asText()).isEqualTo("[hidden]");
        assertThat(d.get("any").get("p").asText()).isEqualTo("[hidden]");
        assertThat(e.get("message").asText())
                .as("url-credentials is not in this list")
                .contains("u:p@");
    }

    @Test
    void regexMaskMatchesKeyPathsCaseInsensitivelyAndNeverValues() {
        JsonNode e = logOne(
                Map.of("redactors", "regex-mask", "redaction.patterns", "(?i).*passw.*,(?i)data\\.session\\..*"),
                "PassWord",
                "x",
                "note",
                "my password is x",
                "session",
                Map.of("id", "s1", "ttl", 5),
                "nested",
                Map.of("user_password", "y"));
        JsonNode d = e.get("data");
        assertThat(d.get("PassWord").asText()).isEqualTo("***");
        assertThat(d.get("note").asText()).isEqualTo("my password is x");
        assertThat(d.get("session").get("id").asText()).isEqualTo("***");
        assertThat(d.get("nested").get("user_password").asText()).isEqualTo("***");
    }

    /** Found by RedactionFuzzTest (its crash input replays it too): a line break in a key above a credential key. */
    @Test
    void aLineBreakInAKeyPathDoesNotHideACredentialBelowIt() {
        JsonNode e =
                logOne(Map.of(), "items", java.util.List.of(Map.of("@x\n", Map.of("Authorization", "Bearer abc"))));
        assertThat(e.get("data")
                        .get("items")
                        .get(0)
                        .get("@x\n")
                        .get("Authorization")
                        .asText())
                .isEqualTo("***");
    }

    @Test
    void urlCredentialsAnywhereInAnyStringAndTheMessage() {
        JsonNode e = logOne(
                Map.of("redactors", "url-credentials"),
                "dsn",
                "jdbc:postgresql://app:s3cret@db:5432/x",
                "text",
                "call https://token@api.example.com/v1 and amqp://guest:guest@mq//vhost now",
                "list",
                List.of("redis://:pw@cache:6379/0"),
                "plain",
                "user@example.com is an e-mail, not a URL",
                "noUser",
                "https://example.com/a@b");
        JsonNode d = e.get("data");
        assertThat(e.get("message").asText()).isEqualTo("message with postgres://***:***@db/x inside");
        assertThat(d.get("dsn").asText()).isEqualTo("jdbc:postgresql://***:***@db:5432/x");
        assertThat(d.get("text").asText())
                .isEqualTo("call https://***@api.example.com/v1 and amqp://***:***@mq//vhost now");
        assertThat(d.get("list").get(0).asText()).isEqualTo("redis://***:***@cache:6379/0");
        assertThat(d.get("plain").asText()).isEqualTo("user@example.com is an e-mail, not a URL");
        assertThat(d.get("noUser").asText()).isEqualTo("https://example.com/a@b");
    }

    @Test
    void urlCredentialsForEverySchemeOfTheCatalogueAndSchemeRelativeUrls() {
        String[] schemes = {
            "http", "https", "ftp", "ftps", "ssh", "git", "svn", "postgres", "postgresql", "mysql", "mongodb",
            "mongodb+srv", "mssql", "cockroachdb", "redis", "rediss", "amqp", "amqps", "nats", "ldap", "ldaps", "smtp",
            "smtps"
        };
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (String scheme : schemes) {
            expected.put("to " + scheme + "://user:pw@host:1/x now", "to " + scheme + "://***:***@host:1/x now");
        }
        expected.put("//user:pw@proxy:3128", "//***:***@proxy:3128");
        expected.put("proxy=//user:pw@proxy", "proxy=//***:***@proxy");
        expected.put("\"//token@cdn/x\"", "\"//***@cdn/x\"");
        expected.put("a//b@c and /x//y@z", "a//b@c and /x//y@z"); // double slashes inside a path are no URL
        expected.put("http://a:http://u:p@h/x", "http://a:http://***:***@h/x"); // a URL right after an authority
        JsonNode e = logOne(Map.of("redactors", "url-credentials"), "values", List.copyOf(expected.keySet()));
        List<String> written = new java.util.ArrayList<>();
        e.get("data").get("values").forEach(v -> written.add(v.asText()));
        assertThat(written).containsExactlyElementsOf(expected.values());
    }

    @Test
    void redactionSettingsNeedTheirRedactor() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new MemorySink())
                        .setting("redactors", "url-credentials")
                        .setting("redaction.fields", "data.x")
                        .buildRuntime())
                .hasMessageContaining(
                        "a list containing field-mask, because redaction.presets / redaction.fields is set");
        JsonNode e = logOne(Map.of("redaction.fields", "secret_code"), "secret_code", "42");
        assertThat(e.get("data").get("secret_code").asText())
                .as("added to the default list")
                .isEqualTo("***");
    }

    @Test
    void theBuilderSelectsEveryKindOfStage() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder()
                .filters("level")
                .setting("filter.level.min-level", "WARNING")
                .enrichers()
                .redactors("field-mask", "regex-mask", "value-scan")
                .redactionPresets("PCI_DSS")
                .redactFields("data.pin")
                .redactPatterns("data\\.k{1,2}ey") // a comma inside one pattern
                .processors("size-guard")
                .plugin(sink)
                .buildRuntime();
        rt.logger("b").info("filtered away");
        rt.logger("b").warn("paid with 4111 1111 1111 1111", "pin", "1234", "kkey", "v", "key", "w", "other", "o");
        rt.drain(Duration.ofSeconds(5));
        List<JsonNode> lines = JsonLines.checkLines(sink.lines());
        assertThat(lines).hasSize(1);
        JsonNode e = lines.get(0).get("log");
        assertThat(e.get("message").asText()).doesNotContain("4111 1111 1111 1111");
        JsonNode d = e.get("data");
        assertThat(d.get("pin").asText()).isEqualTo("***");
        assertThat(d.get("kkey").asText()).isEqualTo("***");
        assertThat(d.get("key").asText()).isEqualTo("***");
        assertThat(d.get("other").asText()).isEqualTo("o");
        assertThat(e.get("diagnostics").has("host")).as("no runtime-info").isFalse();

        assertThatThrownBy(() -> TestRuntimes.builder()
                        .plugin(new MemorySink())
                        .redactors("field-mask")
                        .redactionPresets("PCI_DSS")
                        .buildRuntime())
                .hasMessageContaining("a list containing value-scan");
    }

    @Test
    void valueScanMasksSecretsInsideValuesWhateverTheFieldIsCalled() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder()
                .settings(Map.of("redactors", "value-scan"))
                .plugin(sink)
                .buildRuntime();
        rt.logger("r")
                .info(
                        "charged 4111 1111 1111 1111 for alice@example.com",
                        "note",
                        "retry with AKIAIOSFODNN7EXAMPLE",
                        "nested",
                        Map.of("list", List.of("Bearer abcDEF123456ghiJKL", "order 9780306406157")));
        rt.drain(Duration.ofSeconds(5));
        JsonNode e = JsonLines.checkLines(sink.lines()).get(0).get("log");
        assertThat(e.get("message").asText()).isEqualTo("charged *** for ***");
        assertThat(e.get("data").get("note").asText()).isEqualTo("retry with ***");
        assertThat(e.get("data").get("nested").get("list").get(0).asText()).isEqualTo("Bearer ***");
        assertThat(e.get("data").get("nested").get("list").get(1).asText()).isEqualTo("order 9780306406157");
    }

    @Test
    void fieldBlockerReplacesBlockedFieldsAtAnyDepthButNotAllowedOnes() {
        JsonNode e = logOne(
                Map.of("redactors", "field-blocker", "redaction.allowed-fields", "payload"),
                "Body",
                "{\"card\":\"4111\"}",
                "payload",
                "kept: allowed",
                "request",
                Map.of("raw_body", "secret stuff", "method", "POST"),
                "items",
                List.of(Map.of("DUMP", "x")));
        assertThat(e.get("data").get("Body").asText()).isEqualTo(FieldBlockerRedactor.MARKER);
        assertThat(e.get("data").get("payload").asText()).isEqualTo("kept: allowed");
        assertThat(e.get("data").get("request").get("raw_body").asText()).isEqualTo(FieldBlockerRedactor.MARKER);
        assertThat(e.get("data").get("request").get("method").asText()).isEqualTo("POST");
        assertThat(e.get("data").get("items").get(0).get("DUMP").asText()).isEqualTo(FieldBlockerRedactor.MARKER);
    }

    @Test
    void aBlockedFieldIsReportedAsAPolicyViolationWithoutItsValue() {
        List<String> diagnostics = new java.util.concurrent.CopyOnWriteArrayList<>();
        LogRuntime rt = TestRuntimes.builder(diagnostics)
                .redactors("field-blocker")
                .plugin(new MemorySink())
                .buildRuntime();
        rt.logger("orders").info("clean", "id", 1);
        rt.logger("orders").info("dirty", "request_body", "secret-value", "nested", Map.of("raw", "other-secret"));
        rt.drain(Duration.ofSeconds(5));
        assertThat(diagnostics)
                .filteredOn(l -> l.contains("policy_violation"))
                .singleElement()
                .satisfies(l -> {
                    JsonLines.checkTextIsJson(l);
                    assertThat(l).contains("\"event_logger\":\"orders\"", "\"field\":\"request_body\"");
                    assertThat(l).contains("\"blocked_in_event\":2");
                    assertThat(l).doesNotContain("secret-value", "other-secret");
                });
    }

    @Test
    void stringTruncateCutsLongValuesWithAMarkerAndLeavesTheMessage() {
        String longValue = "x".repeat(40) + "\uD83D\uDE00" + "y".repeat(10);
        JsonNode e = logOne(
                Map.of("redactors", "string-truncate", "redaction.max-string-length", "41"),
                "long",
                longValue,
                "short",
                "ok",
                "nested",
                List.of("z".repeat(50)));
        assertThat(e.get("data").get("long").asText())
                .as("the surrogate pair is not split")
                .isEqualTo("x".repeat(40) + StringTruncateRedactor.MARKER);
        assertThat(e.get("data").get("short").asText()).isEqualTo("ok");
        assertThat(e.get("data").get("nested").get(0).asText())
                .isEqualTo("z".repeat(41) + StringTruncateRedactor.MARKER);
        assertThat(e.get("message").asText()).isEqualTo("message with postgres://u:p@db/x inside");
    }

    @Test
    void patternsThatCanBacktrackCatastrophicallyAreRefusedUnlessAllowed() {
        for (String unsafe : List.of("(a+)+", "data.(\\w+\\s?)*x", "(.*)*", "(a|aa)+", "(x*){2,}")) {
            assertThat(dev.fapilog.redact.PatternSafety.problem(unsafe))
                    .as(unsafe)
                    .isNotNull();
        }
        for (String safe : List.of(
                "(?i).*account.?(num|no).*",
                "data\\.(a|b)\\.c",
                "[(+]+",
                "(?i).*\\bssn\\b.*",
                "\\(a+\\)+",
                "(ab){3}")) {
            assertThat(dev.fapilog.redact.PatternSafety.problem(safe)).as(safe).isNull();
        }
        assertThatThrownBy(() -> TestRuntimes.builder()
                        .settings(Map.of("redaction.patterns", "data.(a+)+"))
                        .buildRuntime())
                .hasMessageContaining("FAPILOG-C009 fapilog.redaction.patterns = 'data.(a+)+'")
                .hasMessageContaining("nested repetition");
        LogRuntime allowed = TestRuntimes.builder()
                .settings(Map.of("redaction.patterns", "data.(a+)+", "redaction.allow-unsafe-patterns", "true"))
                .plugin(new MemorySink())
                .buildRuntime();
        allowed.drain(Duration.ofSeconds(5));
    }
}
