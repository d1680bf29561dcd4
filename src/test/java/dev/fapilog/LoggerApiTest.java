package dev.fapilog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoggerApiTest {
    private MemorySink sink;
    private LogRuntime runtime;
    private Logger log;

    @BeforeEach
    void start() {
        sink = new MemorySink();
        runtime = TestRuntimes.builder()
                .name("api")
                .level(Level.TRACE)
                .plugin(sink)
                .buildRuntime();
        log = runtime.logger("orders");
    }

    @AfterEach
    void stop() {
        runtime.drain(Duration.ofSeconds(5));
    }

    private List<JsonNode> lines() {
        assertThat(runtime.flush(Duration.ofSeconds(5))).isTrue();
        return JsonLines.checkLines(sink.lines());
    }

    private JsonNode only() {
        List<JsonNode> l = lines();
        assertThat(l).hasSize(1);
        return l.get(0).get("log");
    }

    @Test
    void everyLevelMethodWritesItsLevel() {
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warning("w1");
        log.warn("w2");
        log.error("e");
        log.critical("c");
        log.audit("a");
        log.security("s");
        assertThat(lines())
                .extracting(n -> n.get("log").get("level").asText())
                .containsExactly(
                        "TRACE", "DEBUG", "INFO", "WARNING", "WARNING", "ERROR", "CRITICAL", "AUDIT", "SECURITY");
    }

    @Test
    void keyValuePairsGoToDataAndIdsToContext() {
        log.info("Processing request", "user_id", 123, "amount", 9.5, "currency", "EUR", "ok", true);
        JsonNode e = only();
        assertThat(e.get("message").asText()).isEqualTo("Processing request");
        assertThat(e.get("logger").asText()).isEqualTo("orders");
        assertThat(e.get("context").get("user_id").asInt()).isEqualTo(123);
        assertThat(e.get("data").get("amount").asDouble()).isEqualTo(9.5);
        assertThat(e.get("data").get("currency").asText()).isEqualTo("EUR");
        assertThat(e.get("data").get("ok").asBoolean()).isTrue();
        assertThat(e.get("context").get("correlation_id").isNull()).isTrue();
        assertThat(e.get("diagnostics").get("origin").asText()).isEqualTo("native");
        assertThat(e.get("diagnostics").get("thread").asText())
                .isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void mapOverloadAndThrowableOverload() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("a", 1);
        fields.put("b", "two");
        log.info("map", fields);
        log.error("boom", new IllegalStateException("bad state"), "order_id", 42);
        List<JsonNode> l = lines();
        assertThat(l.get(0).get("log").get("data").get("b").asText()).isEqualTo("two");
        JsonNode ex = l.get(1).get("log").get("diagnostics").get("exception");
        assertThat(ex.get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(ex.get("message").asText()).isEqualTo("bad state");
        assertThat(ex.get("frames").get(0).asText()).contains("LoggerApiTest");
        assertThat(l.get(1).get("log").get("data").get("order_id").asInt()).isEqualTo(42);
    }

    @Test
    void fluentForm() {
        log.atWarning()
                .with("attempt", 3)
                .with(Map.of("k", "v"))
                .cause(new RuntimeException("x"))
                .log("Retrying");
        JsonNode e = only();
        assertThat(e.get("level").asText()).isEqualTo("WARNING");
        assertThat(e.get("data").get("attempt").asInt()).isEqualTo(3);
        assertThat(e.get("data").get("k").asText()).isEqualTo("v");
        assertThat(e.get("diagnostics").get("exception").get("message").asText())
                .isEqualTo("x");
    }

    @Test
    void isEnabledFollowsTheThresholdAndDisabledCallsAreNotCounted() {
        runtime.setLevel(Level.WARNING);
        assertThat(log.isEnabled(Level.INFO)).isFalse();
        assertThat(log.isEnabled(Level.ERROR)).isTrue();
        log.info("dropped by level");
        log.atInfo().with("x", 1).log("also not");
        log.error("kept");
        assertThat(lines()).hasSize(1);
        assertThat(runtime.stats().submitted()).isEqualTo(1);
    }

    @Test
    void bindMakesImmutableChildrenWithPrecedence() {
        Logger tenant = log.bind("tenant_id", "acme", "region", "eu");
        Logger overridden = tenant.bind("region", "us");
        log.info("plain");
        tenant.info("bound");
        overridden.info("child", "region", "call-wins");
        overridden.info("child2");
        List<JsonNode> l = lines();
        assertThat(l.get(0).get("log").get("context").has("tenant_id")).isFalse();
        assertThat(l.get(1).get("log").get("context").get("tenant_id").asText()).isEqualTo("acme");
        assertThat(l.get(1).get("log").get("data").get("region").asText()).isEqualTo("eu");
        assertThat(l.get(2).get("log").get("data").get("region").asText()).isEqualTo("call-wins");
        assertThat(l.get(3).get("log").get("data").get("region").asText()).isEqualTo("us");
        assertThat(tenant).isNotSameAs(log);
    }

    @Test
    void oddCallsNeverThrowAndAreDocumentedInTheOutput() {
        log.info(null, "k", 1);
        log.info("odd", "a", 1, "dangling");
        log.info("nulls", new Object[] {null, 1, "", 2, "v", null});
        log.info("trailing throwable", "a", 1, new IllegalArgumentException("trail"));
        log.info("non-string key", 42, "answer");
        log.info("duplicate", "k", 1, "k", 2);
        log.info("null varargs", (Object[]) null);
        log.log(null, "null level");
        log.info("null picks the throwable overload", null, "k", 1);
        List<JsonNode> l = lines();
        assertThat(l).hasSize(8);
        assertThat(l.get(7).get("log").get("data").get("k").asInt()).isEqualTo(1);
        assertThat(l.get(0).get("log").get("message").asText()).isEmpty();
        assertThat(l.get(1).get("log").get("data").get("_unpaired").asText()).isEqualTo("dangling");
        JsonNode nulls = l.get(2).get("log").get("data");
        assertThat(nulls.get("_invalid_keys").asInt()).isEqualTo(2);
        assertThat(nulls.get("v").isNull()).isTrue();
        assertThat(l.get(3)
                        .get("log")
                        .get("diagnostics")
                        .get("exception")
                        .get("message")
                        .asText())
                .isEqualTo("trail");
        assertThat(l.get(3).get("log").get("data").has("_unpaired")).isFalse();
        assertThat(l.get(4).get("log").get("data").get("42").asText()).isEqualTo("answer");
        assertThat(l.get(5).get("log").get("data").get("k").asInt()).isEqualTo(2);
    }

    @Test
    void timestampIsTheWallClockAtCaptureAndTheMessageIdCarriesItsMillisecond() {
        Instant before = Instant.now();
        log.info("x");
        Instant after = Instant.now();
        JsonNode e = only();
        Instant at = Instant.parse(e.get("timestamp").asText());
        // The worker maps the caller's monotonic stamp to the wall clock; allow a millisecond for the two readings.
        assertThat(at).isBetween(before.minusMillis(1), after.plusMillis(1));
        UUID id = UUID.fromString(e.get("context").get("message_id").asText());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void reservedContextKeysCannotBeOverwrittenByData() {
        log.info("x", "message_id", "fake", "timestamp", "fake", "level", "fake");
        JsonNode e = only();
        assertThat(e.get("context").get("message_id").asText()).isNotEqualTo("fake");
        assertThat(e.get("data").get("message_id").asText()).isEqualTo("fake");
        assertThat(e.get("data").get("timestamp").asText()).isEqualTo("fake");
        assertThat(e.get("level").asText()).isEqualTo("INFO");
    }

    @Test
    void loggersAreCachedByNamePerRuntime() {
        assertThat(runtime.logger("a")).isSameAs(runtime.logger("a"));
        assertThat(runtime.asyncLogger("a")).isSameAs(runtime.asyncLogger("a"));
        assertThat(runtime.logger(null).name()).isEqualTo("root");
    }

    @Test
    void messageIdsAreTimeOrderedUuidV7() {
        for (int i = 0; i < 50; i++) {
            log.info("n", "i", i);
        }
        List<JsonNode> l = lines();
        String previous = "";
        for (JsonNode n : l) {
            String id = n.get("log").get("context").get("message_id").asText();
            assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7);
            assertThat(id.substring(0, 13)).isGreaterThanOrEqualTo(previous);
            previous = id.substring(0, 13);
        }
        assertThat(l.stream()
                        .map(n -> n.get("log").get("context").get("message_id").asText())
                        .distinct())
                .hasSize(50);
    }
}
