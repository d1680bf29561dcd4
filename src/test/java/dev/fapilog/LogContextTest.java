package dev.fapilog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fapilog.support.JsonLines;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogContextTest {
    private MemorySink sink;
    private LogRuntime runtime;
    private Logger log;

    @BeforeEach
    void start() {
        sink = new MemorySink();
        runtime = TestRuntimes.builder().plugin(sink).buildRuntime();
        log = runtime.logger("ctx");
    }

    @AfterEach
    void stop() {
        runtime.drain(Duration.ofSeconds(5));
        assertThat(LogContext.snapshot().isEmpty())
                .as("tests leave no context behind")
                .isTrue();
    }

    private List<JsonNode> events() {
        assertThat(runtime.flush(Duration.ofSeconds(5))).isTrue();
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : JsonLines.checkLines(sink.lines())) {
            out.add(n.get("log"));
        }
        return out;
    }

    @Test
    void scopesAreCapturedOnTheCallerThreadAndRestoredInOrder() {
        try (LogContext.Scope outer = LogContext.put("request_id", "r-1")) {
            log.info("outer");
            try (LogContext.Scope inner = LogContext.putAll(Map.of("tenant_id", "acme", "step", "pay"))) {
                log.info("inner");
            }
            log.info("outer again");
        }
        log.info("none");
        List<JsonNode> e = events();
        assertThat(e.get(0).get("context").get("correlation_id").asText()).isEqualTo("r-1");
        assertThat(e.get(0).get("context").get("request_id").asText()).isEqualTo("r-1");
        assertThat(e.get(1).get("context").get("tenant_id").asText()).isEqualTo("acme");
        assertThat(e.get(1).get("data").get("step").asText()).isEqualTo("pay");
        assertThat(e.get(2).get("context").has("tenant_id")).isFalse();
        assertThat(e.get(3).get("context").get("correlation_id").isNull()).isTrue();
    }

    @Test
    void correlationIdPrefersItsOwnKeyAndIsAlwaysText() {
        java.util.UUID id = java.util.UUID.randomUUID();
        try (LogContext.Scope s = LogContext.put("correlation_id", id)) {
            log.info("with uuid");
        }
        assertThat(events().get(0).get("context").get("correlation_id").asText())
                .isEqualTo(id.toString());
    }

    @Test
    void mutableValuesAreFrozenWhenPut() {
        StringBuilder mutable = new StringBuilder("before");
        try (LogContext.Scope s = LogContext.put("note", mutable)) {
            mutable.append("-changed");
            log.info("x");
        }
        assertThat(events().get(0).get("data").get("note").asText()).isEqualTo("before");
    }

    @Test
    void snapshotsCarryContextToOtherThreads() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            try (LogContext.Scope s = LogContext.put("request_id", "r-pool")) {
                pool.submit(LogContext.wrap(() -> log.info("wrapped runnable"))).get();
                pool.submit(LogContext.wrap(() -> {
                            log.info("wrapped callable");
                            return 1;
                        }))
                        .get();
                CompletableFuture.supplyAsync(
                                LogContext.wrapSupplier(() -> {
                                    log.info("wrapped supplier");
                                    return 1;
                                }),
                                pool)
                        .get();
                LogContext.propagating(pool).execute(() -> log.info("propagating executor"));
            }
            pool.submit(() -> log.info("after: nothing leaks into the pooled thread"))
                    .get();
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
        List<JsonNode> e = events();
        assertThat(e).hasSize(5);
        for (int i = 0; i < 4; i++) {
            assertThat(e.get(i).get("context").get("correlation_id").asText()).isEqualTo("r-pool");
        }
        assertThat(e.get(4).get("context").get("correlation_id").isNull()).isTrue();
    }

    @Test
    void pooledThreadsNeverSeeAnotherTasksContext() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String tenant = "tenant-" + i;
                tasks.add(pool.submit(() -> {
                    try (LogContext.Scope s = LogContext.put("tenant_id", tenant)) {
                        log.info("work", "expected", tenant);
                    }
                    log.info("between", "expected", "none");
                }));
            }
            for (Future<?> f : tasks) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (JsonNode e : events()) {
            String expected = e.get("data").get("expected").asText();
            JsonNode tenant = e.get("context").get("tenant_id");
            if (expected.equals("none")) {
                assertThat(tenant).isNull();
            } else {
                assertThat(tenant.asText()).isEqualTo(expected);
            }
        }
    }

    @Test
    void badInputIsIgnoredAndScopesAreIdempotent() {
        LogContext.Scope noop = LogContext.put(null, "x");
        noop.close();
        LogContext.Scope s = LogContext.put("k", "v");
        s.close();
        s.close();
        assertThat(LogContext.get("k")).isNull();
        try (LogContext.Scope a = LogContext.put("a", 1);
                LogContext.Scope removed = LogContext.remove("a");
                LogContext.Scope cleared = LogContext.clear()) {
            assertThat(LogContext.get("a")).isNull();
        }
    }
}
