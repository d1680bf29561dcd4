package dev.fapilog.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.support.TestRuntimes;
import dev.fapilog.testing.MemorySink;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runtime-info, kubernetes and trace-context, and switching enrichers at run time. */
class EnricherTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> event, String name) {
        return (Map<String, Object>) event.get(name);
    }

    @Test
    void kubernetesMetadataComesFromDownwardApiVariablesThenFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("namespace"), "from-file\n");
        Files.writeString(dir.resolve("node_name"), "node-7\n");
        Files.writeString(dir.resolve("labels"), "app=\"orders\"\npod-template-hash=\"7d9f8b6c5\"\n");
        Path serviceAccount = dir.resolve("sa-namespace");
        Files.writeString(serviceAccount, "from-service-account");
        KubernetesEnricher k = new KubernetesEnricher(
                Map.of("POD_NAME", "orders-7d9f8b6c5-x2x9q", "POD_NAMESPACE", "shop", "K8S_CLUSTER_NAME", "eu-1"),
                dir,
                serviceAccount);
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder().plugin(sink).plugin(k).buildRuntime();
        rt.logger("s").info("hello");
        rt.drain(Duration.ofSeconds(5));
        Map<String, Object> d = section(sink.events().get(0), "diagnostics");
        assertThat(d.get("k8s_pod")).isEqualTo("orders-7d9f8b6c5-x2x9q");
        assertThat(d.get("k8s_namespace")).as("the variable wins over the file").isEqualTo("shop");
        assertThat(d.get("k8s_node")).isEqualTo("node-7");
        assertThat(d.get("k8s_cluster")).isEqualTo("eu-1");
        assertThat(d.get("k8s_deployment")).isEqualTo("orders");
        assertThat(d.get("k8s_labels")).isEqualTo(Map.of("app", "orders", "pod-template-hash", "7d9f8b6c5"));
        assertThat(d.containsKey("k8s_container"))
                .as("unknown facts are left out")
                .isFalse();

        KubernetesEnricher statefulSet = new KubernetesEnricher(Map.of("HOSTNAME", "x"), dir, serviceAccount);
        Files.writeString(dir.resolve("name"), "kafka-2");
        Files.delete(dir.resolve("namespace"));
        statefulSet.start(TestRuntimes.pluginContext());
        assertThat(statefulSet.facts())
                .containsEntry("k8s_pod", "kafka-2")
                .containsEntry("k8s_statefulset", "kafka")
                .containsEntry("k8s_namespace", "from-service-account");
    }

    @Test
    void kubernetesIsChosenByDetectionAndReadsTheConfiguredVolume(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("name"), "api-5c6d7e8f9a-abcde");
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder(TestRuntimes.diagnostics(), "kubernetes")
                .plugin(sink)
                .setting("enricher.kubernetes.downward-api-path", dir.toString())
                .buildRuntime();
        assertThat(rt.enrichers()).containsExactly("runtime-info", "kubernetes");
        rt.logger("s").info("hello");
        rt.drain(Duration.ofSeconds(5));
        assertThat(section(sink.events().get(0), "diagnostics").get("k8s_deployment"))
                .isEqualTo("api");
    }

    @Test
    void traceContextTakesTheOpenTelemetrySpanOfTheLoggingThread() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder()
                .plugin(sink)
                .setting("enrichers", "trace-context")
                .buildRuntime();
        SpanContext ctx = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope s = Span.wrap(ctx).makeCurrent()) {
            rt.logger("s").info("inside the span");
        }
        rt.logger("s").info("outside");
        try (LogContext.Scope s = LogContext.put("traceparent", "00-" + TRACE + "-" + SPAN + "-01")) {
            rt.logger("s").info("from traceparent");
        }
        try (LogContext.Scope s = LogContext.put("traceparent", "00-zz-nothex-01")) {
            rt.logger("s").info("bad traceparent");
        }
        rt.drain(Duration.ofSeconds(5));
        List<Map<String, Object>> events = sink.events();
        assertThat(section(events.get(0), "context"))
                .containsEntry("trace_id", TRACE)
                .containsEntry("span_id", SPAN);
        assertThat(section(events.get(1), "context").containsKey("trace_id")).isFalse();
        assertThat(section(events.get(2), "context"))
                .containsEntry("trace_id", TRACE)
                .containsEntry("span_id", SPAN);
        assertThat(section(events.get(3), "context").containsKey("trace_id")).isFalse();
        assertThat(new TraceContextEnricher().usesOpenTelemetry()).isTrue();
    }

    @Test
    void idsAlreadyInTheEventWinAndOpenTelemetryCanBeIgnored() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder()
                .plugin(sink)
                .plugin(TraceContextEnricher.withoutOpenTelemetry())
                .buildRuntime();
        SpanContext ctx = SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
        try (Scope s = Span.wrap(ctx).makeCurrent()) {
            rt.logger("s").info("ignored span");
            try (LogContext.Scope l = LogContext.put("trace_id", "from-context")) {
                rt.logger("s").info("explicit id");
            }
        }
        rt.drain(Duration.ofSeconds(5));
        assertThat(section(sink.events().get(0), "context").containsKey("trace_id"))
                .isFalse();
        assertThat(section(sink.events().get(1), "context")).containsEntry("trace_id", "from-context");
    }

    @Test
    void enrichersCanBeSwitchedOffAndOnAtRunTime() {
        MemorySink sink = new MemorySink();
        LogRuntime rt = TestRuntimes.builder().plugin(sink).buildRuntime();
        assertThat(rt.enrichers()).containsExactly("runtime-info");
        rt.logger("s").info("one");
        rt.flush(Duration.ofSeconds(5));
        assertThat(rt.setEnricherEnabled("runtime-info", false)).isTrue();
        assertThat(rt.isEnricherEnabled("runtime-info")).isFalse();
        rt.logger("s").info("two");
        rt.flush(Duration.ofSeconds(5));
        rt.setEnricherEnabled("runtime-info", true);
        rt.logger("s").info("three");
        assertThat(rt.setEnricherEnabled("no-such", false)).isFalse();
        assertThat(rt.isEnricherEnabled("no-such")).isFalse();
        rt.drain(Duration.ofSeconds(5));
        List<Map<String, Object>> events = sink.events();
        assertThat(section(events.get(0), "diagnostics")).containsKeys("host", "pid", "jvm", "service");
        assertThat(section(events.get(1), "diagnostics")).doesNotContainKeys("host", "pid", "jvm", "service");
        assertThat(section(events.get(2), "diagnostics")).containsKeys("host", "pid", "jvm", "service");
    }
}
