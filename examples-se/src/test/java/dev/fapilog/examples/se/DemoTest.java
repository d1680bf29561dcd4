package dev.fapilog.examples.se;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the demo end to end in its own JVM, as the README's main job does, and checks what it prints: every JSON line
 * against the envelope's JSON Schema (shipped in the library jar), the events the burst must produce, redaction, and
 * the drain summary.
 */
class DemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void productionPresetPrintsSchemaValidRedactedJsonAndACleanDrain() throws Exception {
        Run run = run(List.of(), Map.of());
        assertEquals(0, run.exitCode, run.all());
        JsonSchema schema = schema();
        List<JsonNode> events = new ArrayList<>();
        for (String line : run.stdout) {
            if (line.startsWith("{\"schema_version\"")) {
                JsonNode node = JSON.readTree(line);
                Set<ValidationMessage> errors = schema.validate(node);
                assertTrue(errors.isEmpty(), errors + " in " + line);
                events.add(node.get("log"));
            }
        }
        Map<String, JsonNode> byMessage =
                events.stream().collect(Collectors.toMap(e -> e.get("message").asText(), e -> e, (a, b) -> a));
        assertEquals(
                Set.of(
                        "Order placed",
                        "Payment authorised for order 42",
                        "Order not found",
                        "Slow report built",
                        "Order service stopped",
                        "request_completed",
                        "request_failed"),
                byMessage.keySet(),
                run.all());
        JsonNode placed = byMessage.get("Order placed");
        assertEquals("***", placed.get("data").get("password").asText(), "production redacts the password");
        assertEquals(
                "dev.fapilog.examples.se.OrderService", placed.get("logger").asText());
        assertEquals("orders-demo", placed.get("diagnostics").get("service").asText());
        assertEquals(
                "demo-order-1",
                placed.get("context").get("correlation_id").asText(),
                "a plain @Inject Logger inside a request carries the request's correlation id");
        JsonNode bridged = byMessage.get("Payment authorised for order 42");
        assertEquals("jul", bridged.get("diagnostics").get("origin").asText(), "a JUL line of a library, bridged");
        assertEquals("com.example.payments.Gateway", bridged.get("logger").asText());
        assertEquals(
                "demo-order-1", bridged.get("context").get("correlation_id").asText());
        assertEquals(
                "dev.fapilog.examples.se.OrdersResource",
                byMessage.get("Order not found").get("logger").asText(),
                "@Inject Logger in a JAX-RS resource is named after it");
        assertEquals(
                "dev.fapilog.examples.se.ReportsResource",
                byMessage.get("Slow report built").get("logger").asText(),
                "@Inject AsyncLogger likewise");

        List<JsonNode> completed = events.stream()
                .filter(e -> e.get("message").asText().equals("request_completed"))
                .toList();
        assertEquals(5, completed.size(), run.all());
        JsonNode post = completed.stream()
                .filter(e -> e.get("context").get("correlation_id").asText().equals("demo-order-1"))
                .findFirst()
                .orElseThrow();
        assertEquals(201, post.get("data").get("status").asInt());
        assertEquals("***", post.get("data").get("headers").get("authorization").asText(), "a redacted header");
        assertTrue(
                completed.stream()
                        .anyMatch(e -> e.get("context").has("trace_id")
                                && e.get("context")
                                        .get("trace_id")
                                        .asText()
                                        .equals("4bf92f3577b34da6a3ce929d0e0e4736")),
                "the trace id of the traceparent header");
        assertTrue(completed.stream()
                .anyMatch(e -> e.get("data").get("route").asText().equals("/orders/{id}")));
        JsonNode failed = byMessage.get("request_failed");
        assertEquals("ERROR", failed.get("level").asText());
        assertEquals("demo-fail-1", failed.get("context").get("correlation_id").asText());
        assertEquals(500, failed.get("data").get("status").asInt());
        assertEquals(
                "java.lang.IllegalStateException",
                failed.get("diagnostics").get("exception").get("type").asText());
        assertFalse(run.all().contains("hunter2"), "the secret field never reaches the output");
        assertFalse(run.all().contains("demo-secret-token"), "the bearer token never reaches the output");
        assertTrue(run.has("X-Request-ID demo-order-1"), "the correlation id is echoed");
        assertTrue(
                run.has("demo> drain summary: submitted=11 delivered=11 filtered=0 dropped=0{} failed=0{} pending=0"),
                run.all());
        assertTrue(run.has("every event accounted for: true"), run.all());
        assertTrue(run.stderr.stream()
                .anyMatch(l -> l.contains("\"key\":\"started\"") && l.contains("\"preset\":\"production\"")));
    }

    @Test
    void devPresetFromTheEnvironmentPrintsReadableLines() throws Exception {
        Run run = run(List.of(), Map.of("FAPILOG_PRESET", "dev"));
        assertEquals(0, run.exitCode, run.all());
        assertFalse(run.stdout.stream().anyMatch(l -> l.startsWith("{")), run.all());
        assertTrue(
                run.stdout.stream()
                        .anyMatch(l -> l.contains("dev.fapilog.examples.se.OrderService | Order placed | ")
                                && l.contains("request_id=demo-order-1")
                                && l.contains("order_id=42 item=book quantity=2 password=***")),
                run.all());
        assertFalse(run.all().contains("hunter2"), "dev masks credentials too");
        assertTrue(run.has("DEBUG    dev.fapilog.examples.se.OrderService | Order looked up"), run.all());
        assertTrue(run.has("fapilog.jaxrs.request | request_failed |"), run.all());
        assertTrue(run.has("demo> drain summary: submitted=14 delivered=14"), run.all());
    }

    @Test
    void serveModeKeepsServingUntilStoppedAndThenDrains() throws Exception {
        Process p = start(List.of("--serve", "--port", "0"), Map.of());
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            CompletableFuture<String> err = drain(p.getErrorStream());
            String base = null;
            for (String line = r.readLine(); line != null && base == null; line = r.readLine()) {
                out.add(line);
                if (line.startsWith("demo> serving on ")) {
                    base = line.substring(
                            "demo> serving on ".length(), line.indexOf(' ', "demo> serving on ".length()));
                }
            }
            assertTrue(base != null && base.startsWith("http://127.0.0.1:"), String.join("\n", out));
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "orders/7"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode());
            p.toHandle()
                    .destroy(); // SIGTERM (Process.destroy would also close our end of its output): the shutdown hook
            // stops the server and the container, which drains fapilog
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.add(line);
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            err.get(5, TimeUnit.SECONDS);
        } finally {
            p.destroyForcibly();
        }
        String all = String.join("\n", out);
        assertTrue(all.contains("\"message\":\"Order not found\""), all);
        assertTrue(all.contains("\"message\":\"request_completed\""), all);
        assertTrue(all.contains("demo> drain summary: submitted=3 delivered=3"), all);
    }

    private static JsonSchema schema() throws Exception {
        try (InputStream in = DemoTest.class.getResourceAsStream("/dev/fapilog/json/envelope-v1.1.schema.json")) {
            assertTrue(in != null, "the library jar ships the envelope schema");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
    }

    private record Run(int exitCode, List<String> stdout, List<String> stderr) {
        boolean has(String text) {
            return stdout.stream().anyMatch(l -> l.contains(text));
        }

        String all() {
            return String.join("\n", stdout) + "\n--- stderr ---\n" + String.join("\n", stderr);
        }
    }

    private static Run run(List<String> args, Map<String, String> env) throws Exception {
        Process p = start(args, env);
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the demo did not finish in 60 s");
        }
        return new Run(
                p.exitValue(), out.get().lines().toList(), err.get().lines().toList());
    }

    private static Process start(List<String> args, Map<String, String> env) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("FAPILOG_"));
        pb.environment().putAll(env);
        return pb.start();
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return "<unreadable: " + e + ">";
            }
        });
    }
}
