package dev.fapilog.bench;

import dev.fapilog.Fapilog;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.Preset;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker thread's CPU time per event (stages, redaction, encoding; the sink discards), read from the JVM's
 * per-thread CPU clock so that the producer's time is not counted: once per preset with a realistic event, and for
 * 100 KB adversarial string values under the heaviest redaction (hardened), which bounds the worst case of the value
 * scanners. The queue is sized so that nothing is dropped.
 */
final class WorkerCost {
    private static final int KB100 = 100 * 1024;

    private WorkerCost() {}

    /** Runs this part alone: {@code WorkerCost [events]}; prints one row per line. */
    public static void main(String[] args) throws Exception {
        for (Map<String, Object> row : run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000)) {
            System.out.println(row);
        }
    }

    /** Shapes built to make a scanner work hardest: near-misses of every detector, repeated for 100 KB. */
    static Map<String, String> adversarialValues() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("digits-near-card", repeat("4111 1111 1111 111 ")); // almost a card, again and again
        out.put("at-signs", repeat("a@b"));
        out.put("jwt-prefixes", repeat("eyJhbGciOi."));
        out.put("url-schemes", repeat("postgres://user:"));
        out.put("bare-schemes", repeat("a://")); // the most URLs per character, none with user info
        out.put("many-emails", repeat("a@b.co ")); // the most findings per character
        out.put("colons", repeat(":")); // a key prefix could start at every position
        out.put("pem-headers", repeat("-----BEGIN "));
        out.put("bearer-words", repeat("Bearer "));
        out.put("plain-letters", repeat("a"));
        return out;
    }

    private static String repeat(String unit) {
        StringBuilder b = new StringBuilder(KB100 + unit.length());
        while (b.length() < KB100) {
            b.append(unit);
        }
        return b.substring(0, KB100);
    }

    static List<Map<String, Object>> run(int events) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Preset p :
                new Preset[] {null, Preset.MINIMAL, Preset.DEV, Preset.PRODUCTION, Preset.SERVERLESS, Preset.HARDENED
                }) {
            rows.add(measure(p, "typical event", null, events));
        }
        int adversarialEvents = Math.max(20, events / 1000);
        for (Map.Entry<String, String> v : adversarialValues().entrySet()) {
            rows.add(measure(Preset.HARDENED, "100 KB " + v.getKey(), v.getValue(), adversarialEvents));
        }
        return rows;
    }

    private static Map<String, Object> measure(Preset preset, String workload, String bigValue, int events)
            throws Exception {
        dev.fapilog.LoggerBuilder b = Fapilog.builder();
        if (preset != null) {
            b.preset(preset); // null: the runtime a user gets without a preset
        }
        LogRuntime rt = b.name("cost")
                .level(dev.fapilog.Level.INFO)
                .sinks()
                .plugin(new Discard())
                .queueCapacity(Math.max(1024, events + 16))
                .setting("batch.max-size", "256")
                .setting("encoder.max-string-length", Integer.toString(2 * KB100))
                .waitWhenFull(Duration.ofSeconds(30))
                .shutdownHook(false)
                .diagnosticsListener(line -> {})
                .buildRuntime();
        Logger log = rt.logger("cost");
        // Warm-up: the JIT compiles the stages before the measured part.
        for (int i = 0; i < Math.min(events, 20_000); i++) {
            emit(log, bigValue, i);
        }
        rt.flush(Duration.ofSeconds(60));
        Thread worker = workerThread();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long before = mx.getThreadCpuTime(worker.getId());
        for (int i = 0; i < events; i++) {
            emit(log, bigValue, i);
        }
        rt.flush(Duration.ofSeconds(120));
        long after = mx.getThreadCpuTime(worker.getId());
        rt.drain(Duration.ofSeconds(10));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("preset", preset == null ? "(none)" : preset.id());
        row.put("workload", workload);
        row.put("events", events);
        row.put("worker_ns_per_event", (after - before) / (double) events);
        return row;
    }

    private static void emit(Logger log, String bigValue, int i) {
        if (bigValue == null) {
            log.info(
                    "Payment for order " + (i & 1023) + " from jane@example.com",
                    "user_id",
                    i,
                    "amount",
                    9.5,
                    "password",
                    "hunter2",
                    "db",
                    "postgres://app:s3cret@db/orders",
                    "card_number",
                    "4111111111111111",
                    "address",
                    Map.of("city", "Leeds", "postcode", "LS1 4AP"));
        } else {
            log.info("adversarial", "note", bigValue);
        }
    }

    private static Thread workerThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("fapilog-cost") && t.getName().endsWith("-worker")) {
                return t;
            }
        }
        throw new IllegalStateException("no worker thread named fapilog-cost-...-worker");
    }

    private static final class Discard implements Sink {
        @Override
        public String name() {
            return "discard";
        }

        @Override
        public void write(SinkBatch batch) {}
    }
}
