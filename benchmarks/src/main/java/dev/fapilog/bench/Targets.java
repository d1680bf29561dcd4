package dev.fapilog.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets of the performance issue, checked against one run's numbers (reported, never asserted). */
final class Targets {
    private Targets() {}

    static List<Map<String, Object>> evaluate(Map<String, Object> all) {
        List<Map<String, Object>> caller = Rows.list(all, "caller_cost");
        List<Map<String, Object>> tp = Rows.list(all, "throughput");
        List<Map<String, Object>> lat = Rows.list(all, "latency");
        Map<String, Object> ours = Rows.find(caller, "library", "fapilog", "sink", "discard");
        Map<String, Object> oursHung = Rows.find(caller, "library", "fapilog", "sink", "hang");
        Map<String, Object> async = Rows.find(caller, "library", "fapilog-async", "sink", "discard");
        Map<String, Object> log4j = Rows.find(caller, "library", "log4j2", "sink", "discard");
        Map<String, Object> tpOurs = Rows.find(tp, "library", "fapilog", "producers", 1);
        Map<String, Object> tpLog4j = Rows.find(tp, "library", "log4j2", "producers", 1);
        Map<String, Object> tpLogback = Rows.find(tp, "library", "logback", "producers", 1);

        List<Map<String, Object>> t = new ArrayList<>();
        add(t, "Logger caller p50 <= 100 ns", Rows.num(ours, "p50_ns"), "ns", v -> v <= 100);
        add(t, "Logger caller p99.9 <= 2 us", Rows.num(ours, "p999_ns"), "ns", v -> v <= 2_000);
        add(
                t,
                "Logger p50 / Log4j 2 p50 <= 1.0",
                Rows.num(ours, "p50_ns") / Rows.num(log4j, "p50_ns"),
                "x",
                v -> v <= 1.0);
        add(
                t,
                "Logger p99.9 / Log4j 2 p99.9 <= 1.0",
                Rows.num(ours, "p999_ns") / Rows.num(log4j, "p999_ns"),
                "x",
                v -> v <= 1.0);
        add(
                t,
                "Caller cost measured with the queue never full: Logger drops",
                Rows.num(ours, "dropped_while_measured"),
                "events",
                v -> v == 0);
        add(
                t,
                "AsyncLogger p50 / Logger p50 <= 1.5",
                Rows.num(async, "p50_ns") / Rows.num(ours, "p50_ns"),
                "x",
                v -> v <= 1.5);
        add(t, "Caller allocation <= 150 B/event", Rows.num(tpOurs, "caller_bytes_per_event"), "B", v -> v <= 150);
        add(t, "Worker allocation <= 16 B/event", Rows.num(tpOurs, "worker_bytes_per_event"), "B", v -> v <= 16);
        add(
                t,
                "File, 1 producer >= 1,000,000 events/s",
                Rows.num(tpOurs, "events_per_second"),
                "events/s",
                v -> v >= 1_000_000);
        add(
                t,
                "File, 1 producer: ours / Log4j 2 >= 1.0",
                Rows.num(tpOurs, "events_per_second") / Rows.num(tpLog4j, "events_per_second"),
                "x",
                v -> v >= 1.0);
        add(
                t,
                "File, 1 producer: ours / Logback >= 2.0",
                Rows.num(tpOurs, "events_per_second") / Rows.num(tpLogback, "events_per_second"),
                "x",
                v -> v >= 2.0);
        add(
                t,
                "Hung sink: Logger p99.9 / healthy-sink p99.9 <= 1.0",
                Rows.num(oursHung, "p999_ns") / Rows.num(ours, "p999_ns"),
                "x",
                v -> v <= 1.0);
        add(t, "Hung sink: Logger p99.9 <= 2 us", Rows.num(oursHung, "p999_ns"), "ns", v -> v <= 2_000);
        for (Map<String, Object> hung : lat) {
            if (!"fapilog".equals(hung.get("library")) || !"hang".equals(hung.get("target"))) {
                continue;
            }
            Object rate = hung.get("rate");
            Map<String, Object> healthy = Rows.find(lat, "library", "fapilog", "target", "file", "rate", rate);
            add(
                    t,
                    "Hung sink @" + rate + "/s: caller busy / healthy caller busy <= 1.0 (no producer spins)",
                    Rows.num(hung, "caller_busy_percent") / Rows.num(healthy, "caller_busy_percent"),
                    "x",
                    v -> v <= 1.0);
            add(
                    t,
                    "Hung sink @" + rate + "/s: background CPU <= 10% of a core",
                    Rows.num(hung, "background_cpu_percent_of_core"),
                    "%",
                    v -> v <= 10);
            double sent = Rows.num(hung, "sent");
            double undroppable = Workload.QUEUE + 5 * 256; // what the queue and the in-flight batches can absorb
            add(
                    t,
                    "Hung sink @" + rate + "/s: drops counted (of " + (long) sent + " sent)",
                    Rows.num(hung, "dropped_counted"),
                    "events",
                    v -> v >= sent - undroppable);
        }
        return t;
    }

    private static void add(
            List<Map<String, Object>> t,
            String name,
            double value,
            String unit,
            java.util.function.DoublePredicate met) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("target", name);
        row.put("value", Double.isNaN(value) ? null : value);
        row.put("unit", unit);
        row.put("met", !Double.isNaN(value) && met.test(value));
        t.add(row);
    }
}
