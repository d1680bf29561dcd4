package dev.fapilog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs every benchmark for every library and writes {@code <out>/<date>.json} and {@code .md}.
 *
 * <p>Arguments: mode ({@code quick} or {@code smoke}), output directory.
 */
public final class Suite {
    static final String[] LIBRARIES = {"fapilog", "fapilog-async", "log4j2", "logback"};
    static final String[] CALLER_SINKS = {"discard", "hang"};
    /** The bridges, each beside its peer behind the same API. */
    static final String[] BRIDGES = {"slf4j-fapilog", "slf4j-logback", "slf4j-log4j2", "jul-fapilog", "jul-log4j2"};

    /**
     * Logback's subjects reach Logback through SLF4J, and the class path has three SLF4J providers: every JVM names
     * Logback's unless a bridge subject names another before SLF4J starts.
     */
    private static final String SLF4J_PROVIDER = "-Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider";

    /*
     * Every measuring JVM gets a fixed heap that is touched before main runs: otherwise the first pass over each eden
     * page costs a page fault inside some log call, which measured as a p99.9 of 2 to 5 µs for the first seconds of a
     * run (longer where the caller allocates less) and 0.2 to 0.4 µs after. Same flags for every library.
     */
    private static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";

    /** How long each part runs. */
    record Plan(
            String name,
            int jmhWarmups,
            int jmhWarmupMillis,
            int jmhIterations,
            int jmhIterationMillis,
            int throughputEvents,
            int[] producers,
            int[] rates,
            double latencyWarmSeconds,
            double latencySeconds) {}

    static final Plan QUICK = new Plan(
            "quick", 10, 300, 40, 300, 2_000_000, new int[] {1, 2, 4}, new int[] {10_000, 100_000, 400_000}, 2, 5);
    static final Plan SMOKE = new Plan("smoke", 1, 100, 1, 100, 30_000, new int[] {1, 2}, new int[] {10_000}, 0.3, 0.5);

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "quick";
        Plan plan = mode.equals("smoke") ? SMOKE : QUICK;
        Path out = Path.of(args.length > 1 ? args[1] : "results");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("fapilog-bench");
        if (mode.equals("quick") || mode.equals("smoke")) {
            suite(plan, out, work);
        }
        if (mode.equals("bridges") || mode.equals("smoke")) {
            bridges(plan, out, work);
        }
        if (mode.equals("otlp") || mode.equals("smoke")) {
            otlp(plan, out, work);
        }
        if (mode.equals("kafka") || mode.equals("smoke")) {
            kafka(plan, out, work);
        }
    }

    private static void suite(Plan plan, Path out, Path work) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> all = header(plan);
        all.put("caller_cost", callerCost(plan, work, LIBRARIES, CALLER_SINKS));
        all.put("throughput", throughput(plan, work, LIBRARIES, plan.producers()));
        all.put("latency", latency(plan, work));
        all.put("worker_cost", WorkerCost.run(plan == SMOKE ? 2_000 : 100_000));
        all.put("duration_seconds", (System.nanoTime() - started) / 1e9);
        all.put("targets", Targets.evaluate(all));
        write(out, LocalDate.now().toString(), all, Report.markdown(all));
    }

    /** The SLF4J and JUL bridges beside Logback's and Log4j's: caller cost with a healthy sink, and throughput. */
    private static void bridges(Plan plan, Path out, Path work) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> all = header(plan);
        all.put("caller_cost", callerCost(plan, work, BRIDGES, new String[] {"discard"}));
        all.put("throughput", throughput(plan, work, BRIDGES, plan == SMOKE ? new int[] {1} : new int[] {1, 4}));
        all.put("latency", List.of());
        all.put("duration_seconds", (System.nanoTime() - started) / 1e9);
        write(out, LocalDate.now() + "-bridges", all, Report.bridgesMarkdown(all));
    }

    /** The otlp sink beside the OpenTelemetry SDK's exporter, to a receiver on 127.0.0.1. */
    private static void otlp(Plan plan, Path out, Path work) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> all = header(plan);
        int events = plan == SMOKE ? 10_000 : 500_000;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String library : new String[] {"fapilog", "otel-sdk", "otel-sdk-lossless"}) {
            Path result = work.resolve("otlp-" + library + ".json");
            rows.add(fork(OtlpMain.class, result, work, library, Integer.toString(events), result.toString()));
        }
        all.put("otlp", rows);
        all.put("duration_seconds", (System.nanoTime() - started) / 1e9);
        write(out, LocalDate.now() + "-otlp", all, Report.otlpMarkdown(all));
    }

    /**
     * The kafka sink beside a plain KafkaProducer, each JVM with a broker of its own. The Kafka client logs through
     * SLF4J, so these JVMs name SLF4J's no-operation provider (Logback's default configuration would print the client's
     * debug output for every request and measure the console).
     */
    private static void kafka(Plan plan, Path out, Path work) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> all = header(plan);
        int events = plan == SMOKE ? 5_000 : 300_000;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String library : new String[] {"kafka-producer", "fapilog"}) {
            Path result = work.resolve("kafka-" + library + ".json");
            rows.add(fork(
                    KafkaMain.class,
                    List.of("-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider"),
                    result,
                    work,
                    library,
                    Integer.toString(events),
                    result.toString(),
                    work.toString()));
        }
        all.put("kafka", rows);
        all.put("duration_seconds", (System.nanoTime() - started) / 1e9);
        write(out, LocalDate.now() + "-kafka", all, Report.kafkaMarkdown(all));
    }

    private static Map<String, Object> header(Plan plan) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("date", ZonedDateTime.now().toString());
        all.put("mode", plan.name());
        all.put("machine", Environment.machine());
        all.put("jvm", Environment.jvm());
        all.put(
                "jvm_flags",
                "caller cost: -Xms2g -Xmx2g " + PRE_TOUCH + " (JMH -prof gc); throughput and latency: "
                        + "-Xms1g -Xmx1g " + PRE_TOUCH);
        return all;
    }

    private static void write(Path out, String base, Map<String, Object> all, String markdown) throws Exception {
        Path json = out.resolve(base + ".json");
        Path md = out.resolve(base + ".md");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), all);
        Files.writeString(md, markdown);
        System.out.println();
        System.out.println(markdown);
        System.out.println("Results: " + json + " and " + md);
    }

    private static List<Map<String, Object>> callerCost(Plan plan, Path work, String[] libraries, String[] sinks)
            throws Exception {
        Path drops = work.resolve("caller-drops.txt");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include(CallerCost.class.getName())
                        .param("library", libraries)
                        .param("sink", sinks)
                        .forks(1)
                        .warmupIterations(plan.jmhWarmups())
                        .warmupTime(TimeValue.milliseconds(plan.jmhWarmupMillis()))
                        .measurementIterations(plan.jmhIterations())
                        .measurementTime(TimeValue.milliseconds(plan.jmhIterationMillis()))
                        .timeUnit(TimeUnit.NANOSECONDS)
                        .jvmArgs("-Xms2g", "-Xmx2g", PRE_TOUCH, SLF4J_PROVIDER, "-Dbench.dropsFile=" + drops)
                        .addProfiler(GCProfiler.class)
                        .verbosity(plan == SMOKE ? VerboseMode.SILENT : VerboseMode.NORMAL)
                        .shouldFailOnError(true)
                        .build())
                .run();
        Map<String, String> dropped = new LinkedHashMap<>();
        if (Files.exists(drops)) {
            for (String line : Files.readAllLines(drops)) {
                String[] kv = line.split("=", 2);
                dropped.put(kv[0], kv[1]);
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String sink : sinks) {
            for (String library : libraries) {
                for (RunResult rr : results) {
                    if (!rr.getParams().getParam("library").equals(library)
                            || !rr.getParams().getParam("sink").equals(sink)) {
                        continue;
                    }
                    Statistics st = rr.getPrimaryResult().getStatistics();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("library", library);
                    row.put("sink", sink);
                    row.put("p50_ns", st.getPercentile(50));
                    row.put("p90_ns", st.getPercentile(90));
                    row.put("p99_ns", st.getPercentile(99));
                    row.put("p999_ns", st.getPercentile(99.9));
                    row.put("p9999_ns", st.getPercentile(99.99));
                    row.put("max_ns", st.getMax());
                    row.put("mean_ns", st.getMean());
                    row.put("samples", st.getN());
                    Result<?> alloc = rr.getSecondaryResults().get("gc.alloc.rate.norm");
                    row.put("jvm_bytes_per_op", alloc == null ? -1 : alloc.getScore());
                    String drop = dropped.get(library + "/" + sink);
                    row.put("dropped_while_measured", drop == null ? null : Long.valueOf(drop));
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> throughput(Plan plan, Path work, String[] libraries, int[] producerCounts)
            throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int producers : producerCounts) {
            for (String library : libraries) {
                Path file = work.resolve("tp-" + library + "-" + producers + ".jsonl");
                Path result = work.resolve("tp-" + library + "-" + producers + ".json");
                rows.add(fork(
                        ThroughputMain.class,
                        result,
                        work,
                        library,
                        Integer.toString(producers),
                        Integer.toString(plan.throughputEvents()),
                        file.toString(),
                        result.toString()));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> latency(Plan plan, Path work) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String target : new String[] {"file", "hang"}) {
            for (int rate : plan.rates()) {
                for (String library : LIBRARIES) {
                    Path file = work.resolve("lat-" + library + ".jsonl");
                    Path result = work.resolve("lat-" + library + "-" + target + "-" + rate + ".json");
                    rows.add(fork(
                            LatencyMain.class,
                            result,
                            work,
                            library,
                            target,
                            Integer.toString(rate),
                            Double.toString(plan.latencyWarmSeconds()),
                            Double.toString(plan.latencySeconds()),
                            file.toString(),
                            result.toString()));
                }
            }
        }
        return rows;
    }

    /** Runs {@code main} in a fresh JVM with this class path and reads the JSON it wrote. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fork(Class<?> main, Path result, Path work, String... args) throws Exception {
        return fork(main, List.of(), result, work, args);
    }

    /** As above, with JVM options after the suite's own (a later {@code -D} wins). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fork(Class<?> main, List<String> jvmArgs, Path result, Path work, String... args)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.add("-Xms1g");
        cmd.add(PRE_TOUCH);
        cmd.add("-Xmx1g");
        cmd.add(SLF4J_PROVIDER);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Path log = work.resolve(result.getFileName() + ".log");
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        System.out.println("# " + main.getSimpleName() + " "
                + String.join(" ", List.of(args).subList(0, Math.min(3, args.length))));
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " timed out: " + String.join(" ", args));
        }
        if (!Files.exists(result)) {
            throw new IllegalStateException(
                    main.getSimpleName() + " failed (exit " + p.exitValue() + "):\n" + Files.readString(log));
        }
        return new ObjectMapper().readValue(result.toFile(), Map.class);
    }
}
