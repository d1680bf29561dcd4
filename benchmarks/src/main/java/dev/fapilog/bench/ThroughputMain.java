package dev.fapilog.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CyclicBarrier;

/**
 * End-to-end throughput to a JSON-lines file, in its own JVM: warm up, then P producer threads log N events, then
 * flush and close; the time runs from the first measured call until the file is complete. Lines are counted in the
 * file and checked against the events sent. Also measures, per thread, the bytes allocated per event by the callers
 * and by the library's background threads.
 *
 * <p>Arguments: library, producers, events, file, result.json
 */
public final class ThroughputMain {
    public static void main(String[] args) throws Exception {
        String library = args[0];
        int producers = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        Path file = Path.of(args[3]);
        Path result = Path.of(args[4]);
        Subject subject = Subject.create(library, Target.FILE, file, true, Workload.QUEUE);
        String prefix = subject.backgroundThreadPrefix();

        int warm = Math.max(10_000, Math.min(events / 4, 500_000));
        subject.enterContext();
        for (int i = 0; i < warm; i++) {
            awaitIfPending(subject.log(i));
        }
        subject.flush();
        long bytesAfterWarm = Files.size(file);
        long linesAfterWarm = countLines(file); // a library that drops may have written fewer than it was sent

        int perThread = events / producers;
        CyclicBarrier start = new CyclicBarrier(producers + 1);
        long[] callerBytes = new long[producers];
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads[p] = new Thread(
                    () -> {
                        subject.enterContext();
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        long before = Threads.allocatedBytes(Thread.currentThread());
                        for (int i = 0; i < perThread; i++) {
                            awaitIfPending(subject.log(i));
                        }
                        callerBytes[id] = Threads.allocatedBytes(Thread.currentThread()) - before;
                    },
                    "producer-" + p);
            threads[p].start();
        }
        long workerBefore = Threads.allocatedBytes(prefix);
        start.await();
        long t0 = System.nanoTime();
        for (Thread t : threads) {
            t.join();
        }
        subject.flush();
        long workerBytes = Threads.allocatedBytes(prefix) - workerBefore;
        long dropped = subject.dropped();
        subject.close();
        long t1 = System.nanoTime();

        long lines = countLines(file);
        long size = Files.size(file);
        int sent = warm + perThread * producers;
        long measuredLines = lines - linesAfterWarm;
        double seconds = (t1 - t0) / 1e9;
        long callerTotal = 0;
        for (long b : callerBytes) {
            callerTotal += b;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("library", library);
        r.put("producers", producers);
        r.put("sent", sent);
        r.put("lines", lines);
        r.put("dropped_counted", dropped);
        r.put("lines_match", lines == sent - Math.max(0, dropped));
        r.put("seconds", seconds);
        r.put("events_per_second", measuredLines / seconds);
        r.put("mb_per_second", (size - bytesAfterWarm) / seconds / (1 << 20));
        r.put("bytes_per_line", lines == 0 ? 0 : size / (double) lines);
        r.put("caller_bytes_per_event", callerTotal / (double) (perThread * producers));
        r.put("worker_bytes_per_event", measuredLines <= 0 ? -1 : workerBytes / (double) measuredLines);
        r.put("settings", subject.settings());
        new ObjectMapper().writeValue(result.toFile(), r);
        Files.deleteIfExists(file);
        Runtime.getRuntime().halt(0); // do not wait for libraries' shutdown hooks
    }

    /**
     * The async facade under {@code wait} returns a stage that completes when its event is accepted: a well-behaved
     * producer that must not lose events waits for a pending one before it logs more (no thread blocks inside the
     * library; this producer chooses to).
     */
    private static void awaitIfPending(Object returned) {
        if (returned instanceof CompletionStage) {
            CompletableFuture<?> f = ((CompletionStage<?>) returned).toCompletableFuture();
            if (!f.isDone()) {
                f.join();
            }
        }
    }

    static long countLines(Path file) throws java.io.IOException {
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buf)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (buf[i] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
