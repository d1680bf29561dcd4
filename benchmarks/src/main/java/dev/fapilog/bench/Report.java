package dev.fapilog.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders one run as Markdown. */
final class Report {
    private Report() {}

    static String markdown(Map<String, Object> all) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results, ")
                .append(all.get("date"))
                .append(" (")
                .append(all.get("mode"))
                .append(" suite)\n\n");
        md.append("Machine: ")
                .append(all.get("machine"))
                .append("  \nJVM: ")
                .append(all.get("jvm"))
                .append("  \nSuite duration: ")
                .append(fmt(Rows.num(all, "duration_seconds"), 0))
                .append(" s\n\n");
        md.append("Same event everywhere: \"Processing request\", user_id (int), amount (double), currency, with "
                + "request_id and tenant_id in the context, at INFO, encoded to JSON on the library's background "
                + "thread. Each scenario runs in its own JVM. Ratios are ours / peer.\n\n");
        summary(md, all);
        targets(md, all);
        caller(md, all);
        throughput(md, all);
        latency(md, all);
        workerCost(md, all);
        settings(md, all);
        return md.toString();
    }

    /** A side report's title and the run's mode, date, machine and JVM. */
    private static StringBuilder titled(String title, Map<String, Object> all) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append("Mode ")
                .append(all.get("mode"))
                .append(", ")
                .append(all.get("date"))
                .append(", ")
                .append(all.get("machine"))
                .append(", ")
                .append(all.get("jvm"))
                .append(".\n\n");
        return md;
    }

    /** The report of the bridges run: caller cost and throughput of each bridge beside its peer. */
    static String bridgesMarkdown(Map<String, Object> all) {
        StringBuilder md =
                titled("Bridges: SLF4J and JUL into fapilog, beside Logback and Log4j 2 behind the same API", all);
        md.append(
                "The same event as the main suite, logged as a library would: SLF4J's fluent API with three key-value "
                        + "pairs and the MDC (`request_id`, `tenant_id`), or JUL with three `{0}` parameters. Each backend is "
                        + "set up as in the main suite; only the API in front differs.\n\n");
        caller(md, all);
        throughput(md, all);
        settings(md, all);
        return md.toString();
    }

    static String otlpMarkdown(Map<String, Object> all) {
        StringBuilder md = titled("OTLP: the otlp sink beside the OpenTelemetry Java SDK's exporter", all);
        md.append("One producer logs the suite's event (message, user_id, amount, currency, request_id, tenant_id) "
                + "to a receiver on 127.0.0.1 in the same JVM that decodes every OTLP/HTTP protobuf request with the "
                + "official classes and counts the records; uncompressed. Events/s are records received per second, "
                + "from the first measured call until the library's flush returned. The SDK's batch processor drops "
                + "when its queue is full; `otel-sdk-lossless` gives it a queue that holds every event.\n\n");
        md.append("| Library | Sent | Received | Lost | Events/s received | Bytes/event on the wire | Requests "
                + "| Caller alloc/event |\n|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : Rows.list(all, "otlp")) {
            row(
                    md,
                    r.get("library"),
                    r.get("sent"),
                    r.get("received"),
                    r.get("lost"),
                    fmt(Rows.num(r, "events_per_second"), 0),
                    fmt(Rows.num(r, "bytes_per_event"), 0) + " B",
                    r.get("requests"),
                    fmt(Rows.num(r, "caller_bytes_per_event"), 0) + " B");
        }
        md.append("\n| Library | Settings |\n|---|---|\n");
        for (Map<String, Object> r : Rows.list(all, "otlp")) {
            row(md, r.get("library"), r.get("settings"));
        }
        md.append("\n");
        return md.toString();
    }

    static String kafkaMarkdown(Map<String, Object> all) {
        StringBuilder md = titled("Kafka: the kafka sink beside a plain KafkaProducer", all);
        md.append("One producer logs the suite's event to a local broker (KRaft, 127.0.0.1, its own JVM, on the same "
                + "machine); the plain producer sends one pre-encoded envelope line as every value with Kafka's own "
                + "producer defaults (the client's physical limit). Records are counted on the broker (end offsets); "
                + "time runs from the first measured call until the drain or flush returned.\n\n");
        md.append("| Library | Sent | On the broker | Events/s | Caller alloc/event |\n|---|---|---|---|---|\n");
        for (Map<String, Object> r : Rows.list(all, "kafka")) {
            row(
                    md,
                    r.get("library"),
                    r.get("sent"),
                    r.get("on_broker"),
                    fmt(Rows.num(r, "events_per_second"), 0),
                    fmt(Rows.num(r, "caller_bytes_per_event"), 0) + " B");
        }
        md.append("\n| Library | Settings |\n|---|---|\n");
        for (Map<String, Object> r : Rows.list(all, "kafka")) {
            row(md, r.get("library"), r.get("settings"));
        }
        md.append("\n");
        return md.toString();
    }

    private static void workerCost(StringBuilder md, Map<String, Object> all) {
        md.append("## Worker cost per event, by preset\n\n");
        md.append("CPU time of the worker thread per event (filters, enrichers, redactors, JSON encoding; the sink "
                + "discards), from the JVM's per-thread CPU clock. The typical event has a password, a database URL "
                + "with credentials, a card number, an address and an e-mail in the message. The 100 KB rows log one "
                + "string field built to be a scanner's worst case (near-misses of each detector, repeated) under "
                + "`hardened` (field-mask, regex-mask, url-credentials, field-blocker, value-scan).\n\n");
        md.append("| Preset | Workload | Events | Worker time per event |\n|---|---|---|---|\n");
        for (Map<String, Object> r : Rows.list(all, "worker_cost")) {
            row(md, r.get("preset"), r.get("workload"), r.get("events"), ns(Rows.num(r, "worker_ns_per_event")));
        }
        md.append("\n");
    }

    private static void summary(StringBuilder md, Map<String, Object> all) {
        List<Map<String, Object>> caller = Rows.list(all, "caller_cost");
        List<Map<String, Object>> tp = Rows.list(all, "throughput");
        md.append("## Summary\n\n");
        md.append("In the shape of fapilog's own table (facade, throughput, p50, p99), with the peers as columns: "
                + "throughput is end to end to a JSON-lines file with one producer, p50/p99 are the caller cost with a "
                + "healthy sink.\n\n");
        md.append(
                "| Facade | Throughput | p50 | p99 | Log4j 2 async: throughput | p50 | p99 | Logback async: throughput "
                        + "| p50 | p99 |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (String lib : new String[] {"fapilog-async", "fapilog"}) {
            List<Object> cells = new java.util.ArrayList<>(List.of(label(lib)));
            for (String col : new String[] {lib, "log4j2", "logback"}) {
                Map<String, Object> c = Rows.find(caller, "library", col, "sink", "discard");
                Map<String, Object> t = Rows.find(tp, "library", col, "producers", 1);
                cells.add(fmt(Rows.num(t, "events_per_second"), 0) + "/s");
                cells.add(ns(Rows.num(c, "p50_ns")));
                cells.add(ns(Rows.num(c, "p99_ns")));
            }
            row(md, cells.toArray());
        }
        md.append("\n");
        md.append("| Library / facade | Throughput to a file, 1 producer | Caller p50 | Caller p99 | Caller p99.9 "
                + "| Caller alloc | Worker alloc |\n|---|---|---|---|---|---|---|\n");
        for (String lib : Suite.LIBRARIES) {
            Map<String, Object> c = Rows.find(caller, "library", lib, "sink", "discard");
            Map<String, Object> t = Rows.find(tp, "library", lib, "producers", 1);
            row(
                    md,
                    label(lib),
                    t == null ? "-" : fmt(Rows.num(t, "events_per_second"), 0) + " events/s",
                    ns(Rows.num(c, "p50_ns")),
                    ns(Rows.num(c, "p99_ns")),
                    ns(Rows.num(c, "p999_ns")),
                    t == null ? "-" : fmt(Rows.num(t, "caller_bytes_per_event"), 0) + " B",
                    t == null ? "-" : fmt(Rows.num(t, "worker_bytes_per_event"), 1) + " B");
        }
        Map<String, Object> ours = Rows.find(caller, "library", "fapilog", "sink", "discard");
        Map<String, Object> tpOurs = Rows.find(tp, "library", "fapilog", "producers", 1);
        md.append("\n| Ratio ours (Logger) / peer | p50 | p99.9 | Throughput |\n|---|---|---|---|\n");
        for (String peer : new String[] {"log4j2", "logback"}) {
            Map<String, Object> c = Rows.find(caller, "library", peer, "sink", "discard");
            Map<String, Object> t = Rows.find(tp, "library", peer, "producers", 1);
            row(
                    md,
                    label(peer),
                    fmt(Rows.num(ours, "p50_ns") / Rows.num(c, "p50_ns"), 2),
                    fmt(Rows.num(ours, "p999_ns") / Rows.num(c, "p999_ns"), 2),
                    fmt(Rows.num(tpOurs, "events_per_second") / Rows.num(t, "events_per_second"), 2));
        }
        md.append("\n");
    }

    @SuppressWarnings("unchecked")
    private static void targets(StringBuilder md, Map<String, Object> all) {
        md.append("## Targets\n\n| Target | Measured | Met |\n|---|---|---|\n");
        for (Map<String, Object> t : (List<Map<String, Object>>) all.get("targets")) {
            row(
                    md,
                    t.get("target"),
                    fmt(Rows.num(t, "value"), 2) + " " + t.get("unit"),
                    Boolean.TRUE.equals(t.get("met")) ? "yes" : "**no**");
        }
        md.append("\n");
    }

    private static void caller(StringBuilder md, Map<String, Object> all) {
        md.append("## Caller cost (JMH SampleTime, queue of 16,384, drop policies)\n\n");
        md.append("Each call starts at least 4 µs after the previous one (250,000 calls/s, spun outside the measured "
                + "region), so that every library's background thread keeps up with a healthy sink; see `CallerCost` "
                + "for why. `discard`: the events are encoded and thrown away, and the queue never fills. `hang`: the "
                + "sink's write never returns, so the queue is full and every measured call is a drop.\n\n");
        md.append("| Sink | Library | p50 | p90 | p99 | p99.9 | p99.99 | max | samples | JVM-wide alloc/op | dropped "
                + "while measured |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : Rows.list(all, "caller_cost")) {
            row(
                    md,
                    r.get("sink"),
                    label((String) r.get("library")),
                    ns(Rows.num(r, "p50_ns")),
                    ns(Rows.num(r, "p90_ns")),
                    ns(Rows.num(r, "p99_ns")),
                    ns(Rows.num(r, "p999_ns")),
                    ns(Rows.num(r, "p9999_ns")),
                    ns(Rows.num(r, "max_ns")),
                    fmt(Rows.num(r, "samples"), 0),
                    fmt(Rows.num(r, "jvm_bytes_per_op"), 0) + " B",
                    counted(Rows.num(r, "dropped_while_measured")));
        }
        md.append("\nJVM-wide alloc/op (JMH `-prof gc`) counts every thread, the background thread included; the "
                + "caller's own allocation is in the throughput table.\n\n");
    }

    private static void throughput(StringBuilder md, Map<String, Object> all) {
        md.append("## End-to-end throughput to a JSON-lines file (including the final flush and close)\n\n");
        md.append("| Library | Producers | events/s | MB/s | bytes/line | lines = sent - counted drops | caller alloc "
                + "| worker alloc |\n|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : Rows.list(all, "throughput")) {
            row(
                    md,
                    label((String) r.get("library")),
                    r.get("producers"),
                    fmt(Rows.num(r, "events_per_second"), 0),
                    fmt(Rows.num(r, "mb_per_second"), 1),
                    fmt(Rows.num(r, "bytes_per_line"), 0),
                    r.get("lines") + " of " + r.get("sent")
                            + (Boolean.TRUE.equals(r.get("lines_match")) ? " (ok)" : " (**lost**)"),
                    fmt(Rows.num(r, "caller_bytes_per_event"), 0) + " B",
                    fmt(Rows.num(r, "worker_bytes_per_event"), 1) + " B");
        }
        md.append("\n");
    }

    private static void latency(StringBuilder md, Map<String, Object> all) {
        md.append("## Paced latency (HdrHistogram, corrected for coordinated omission; drop policies)\n\n");
        md.append("| Sink | Offered rate | Library | p50 | p99 | p99.9 | max | service p99.9 | background CPU "
                + "| dropped (counted) | GC in window |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> r : Rows.list(all, "latency")) {
            row(
                    md,
                    r.get("target"),
                    fmt(Rows.num(r, "rate"), 0) + "/s",
                    label((String) r.get("library")),
                    ns(Rows.num(r, "p50_ns")),
                    ns(Rows.num(r, "p99_ns")),
                    ns(Rows.num(r, "p999_ns")),
                    ns(Rows.num(r, "max_ns")),
                    ns(Rows.num(r, "service_p999_ns")),
                    fmt(Rows.num(r, "background_cpu_percent_of_core"), 1) + "%",
                    counted(Rows.num(r, "dropped_counted")) + " of " + fmt(Rows.num(r, "sent"), 0),
                    fmt(Rows.num(r, "gc_pauses"), 0) + " / " + fmt(Rows.num(r, "gc_pause_ms"), 0) + " ms");
        }
        md.append("\nThe call is timed from its slot in the schedule, so one stop-the-world pause of d ms inside the "
                + "measured window adds rate x d slow calls: where a tail is far above its neighbours, the last column "
                + "(collections and their total time during the window) usually says why.\n\n");
    }

    private static void settings(StringBuilder md, Map<String, Object> all) {
        md.append("## Settings\n\n");
        md.append("- JVM flags: ").append(all.get("jvm_flags")).append('\n');
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (Map<String, Object> r : Rows.list(all, "throughput")) {
            seen.add("- " + label((String) r.get("library")) + " (throughput): " + r.get("settings"));
        }
        for (Map<String, Object> r : Rows.list(all, "latency")) {
            seen.add("- " + label((String) r.get("library")) + " (latency, " + r.get("target") + " sink): "
                    + r.get("settings"));
        }
        for (String s : seen) {
            md.append(s).append('\n');
        }
    }

    /** One table row: the cells between pipes. */
    private static void row(StringBuilder md, Object... cells) {
        md.append('|');
        for (Object cell : cells) {
            md.append(' ').append(cell).append(" |");
        }
        md.append('\n');
    }

    static String label(String lib) {
        switch (lib) {
            case "fapilog":
                return "fapilog `Logger`";
            case "fapilog-async":
                return "fapilog `AsyncLogger`";
            case "log4j2":
                return "Log4j 2.25.5 async";
            case "logback":
                return "Logback 1.5.18 async";
            case "slf4j-fapilog":
                return "SLF4J → fapilog (fapilog-slf4j)";
            case "slf4j-logback":
                return "SLF4J → Logback 1.5.18 async";
            case "slf4j-log4j2":
                return "SLF4J → Log4j 2.25.5 async (log4j-slf4j2-impl)";
            case "jul-fapilog":
                return "JUL → fapilog (`FapilogHandler`)";
            case "jul-log4j2":
                return "JUL → Log4j 2.25.5 async (`Log4jBridgeHandler`)";
            default:
                return lib;
        }
    }

    /** A drop count; a library that cannot count its drops reports -1. */
    static String counted(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v < 0 ? "not counted" : fmt(v, 0);
    }

    static String ns(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        if (v >= 1_000_000) {
            return fmt(v / 1_000_000, 1) + " ms";
        }
        if (v >= 10_000) {
            return fmt(v / 1_000, 1) + " µs";
        }
        return fmt(v, 0) + " ns";
    }

    static String fmt(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
