package dev.fapilog.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's benchmark figures are the latest committed run's (benchmarks/results/DATE.json, the newest date): the
 * sentence is generated from that file, so a new run without a README update, or a README edited by hand, fails here
 * with the sentence to paste.
 */
class ReadmeFiguresTest {

    @Test
    void theReadmeQuotesTheLatestCommittedBenchmarkRun() throws IOException {
        Path latest;
        try (Stream<Path> files = Files.list(Path.of("benchmarks/results"))) {
            latest = files.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}\\.json"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow();
        }
        String expected = sentence(latest);
        assertThat(Files.readString(Path.of("README.md")))
                .as("README.md quotes %s; the sentence should read:%n%s", latest, expected)
                .contains(expected);
    }

    /** The README's sentence for one results file. */
    static String sentence(Path results) throws IOException {
        JsonNode run = new ObjectMapper().readTree(results.toFile());
        String date = results.getFileName().toString().replace(".json", "");
        JsonNode ours = callerCost(run, "fapilog");
        JsonNode log4j = callerCost(run, "log4j2");
        return "In the latest run (" + date + ", on a 2-core machine) a call cost " + ns(ours.get("p50_ns"))
                + " at p50 and " + ns(ours.get("p999_ns")) + " at p99.9 (Log4j 2's async logger: "
                + ns(log4j.get("p50_ns")) + " and " + ns(log4j.get("p999_ns"))
                + "), and one producer wrote " + millions(run, "fapilog") + " events/s to a JSON-lines file (Log4j 2: "
                + millions(run, "log4j2") + ", Logback: " + millions(run, "logback") + ").";
    }

    private static JsonNode callerCost(JsonNode run, String library) {
        for (JsonNode c : run.get("caller_cost")) {
            if (c.get("library").asText().equals(library)
                    && c.get("sink").asText().equals("discard")) {
                return c;
            }
        }
        throw new AssertionError("no caller cost of " + library + " with the discard sink");
    }

    private static String millions(JsonNode run, String library) {
        for (JsonNode t : run.get("throughput")) {
            if (t.get("library").asText().equals(library) && t.get("producers").asInt() == 1) {
                return String.format(
                        Locale.ROOT, "%.2f M", t.get("events_per_second").asDouble() / 1e6);
            }
        }
        throw new AssertionError("no 1-producer throughput of " + library);
    }

    private static String ns(JsonNode value) {
        double ns = value.asDouble();
        return ns < 1000 ? Math.round(ns) + " ns" : String.format(Locale.ROOT, "%.1f \u00b5s", ns / 1000);
    }
}
