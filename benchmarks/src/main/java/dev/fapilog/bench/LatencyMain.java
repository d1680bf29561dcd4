package dev.fapilog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The paced latency harness, in its own JVM: one producer offers events at a fixed rate and records, per call, the
 * time from when the call should have started (its slot in the schedule) to when it returned, so a stall delays every
 * call it holds up (corrected for coordinated omission, as in HdrHistogram's and Log4j's response-time tests); the
 * call's own service time is recorded too. Also measures the CPU used by the library's background threads.
 *
 * <p>Arguments: library, target (file|hang), rate, warm-up seconds, measured seconds, file, result.json
 */
public final class LatencyMain {
    public static void main(String[] args) throws Exception {
        String library = args[0];
        Target target = Target.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
        int rate = Integer.parseInt(args[2]);
        double warmSeconds = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        Path file = Path.of(args[5]);
        Path result = Path.of(args[6]);

        Subject subject = Subject.create(library, target, file, false, Workload.QUEUE);
        subject.enterContext();
        Histogram corrected = new Histogram(60_000_000_000L, 3);
        Histogram service = new Histogram(60_000_000_000L, 3);
        // Warm up past the moment a hung sink's queue fills, so that the drop path is compiled before it is measured.
        pace(subject, rate, warmSeconds + (double) Workload.QUEUE / rate, null, null);

        String prefix = subject.backgroundThreadPrefix();
        long cpuBefore = Threads.cpuNanos(prefix);
        long droppedBefore = Math.max(0, subject.dropped());
        long[] gcBefore = gc();
        long t0 = System.nanoTime();
        long sent = pace(subject, rate, seconds, corrected, service);
        long wall = System.nanoTime() - t0;
        long cpu = Threads.cpuNanos(prefix) - cpuBefore;
        long[] gcAfter = gc();
        long dropped = subject.dropped() < 0 ? -1 : subject.dropped() - droppedBefore;

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("library", library);
        r.put("target", target.name().toLowerCase(java.util.Locale.ROOT));
        r.put("rate", rate);
        r.put("sent", sent);
        r.put("achieved_rate", sent / (wall / 1e9));
        r.put("p50_ns", corrected.getValueAtPercentile(50));
        r.put("p99_ns", corrected.getValueAtPercentile(99));
        r.put("p999_ns", corrected.getValueAtPercentile(99.9));
        r.put("max_ns", corrected.getMaxValue());
        r.put("service_p50_ns", service.getValueAtPercentile(50));
        r.put("service_p999_ns", service.getValueAtPercentile(99.9));
        r.put("service_max_ns", service.getMaxValue());
        r.put("background_cpu_percent_of_core", 100.0 * cpu / wall);
        r.put("caller_busy_percent", 100.0 * service.getMean() * sent / wall);
        r.put("dropped_counted", dropped);
        r.put("gc_pauses", gcAfter[0] - gcBefore[0]);
        r.put("gc_pause_ms", gcAfter[1] - gcBefore[1]);
        r.put("settings", subject.settings());
        new ObjectMapper().writeValue(result.toFile(), r);
        Files.deleteIfExists(file);
        Runtime.getRuntime().halt(0); // a hung sink never lets a library shut down cleanly
    }

    /**
     * Collections so far and their total time in ms, over every collector: a stop-the-world pause inside the measured
     * window shows up, corrected for coordinated omission, as rate x pause slow calls, so the tail of a short window
     * depends on whether one fell into it.
     */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    /** Offers events at {@code rate} for {@code seconds}; records into the histograms when given. */
    private static long pace(Subject s, int rate, double seconds, Histogram corrected, Histogram service) {
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long k = 0;
        while (true) {
            long intended = start + k * period;
            if (intended > end) {
                return k;
            }
            long now;
            while ((now = System.nanoTime()) < intended) {
                Thread.onSpinWait();
            }
            s.log((int) k);
            long done = System.nanoTime();
            if (corrected != null) {
                corrected.recordValue(done - intended);
                service.recordValue(done - now);
            }
            k++;
        }
    }
}
