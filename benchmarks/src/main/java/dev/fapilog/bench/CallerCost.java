package dev.fapilog.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The cost of one log call on the calling thread, sampled by JMH, with the production queue size and a caller paced
 * so that a healthy queue never fills: either a healthy sink (events are still encoded to JSON on the background
 * thread, as in production, then discarded; drops during the measured iterations are recorded to prove none happen)
 * or a hung one (every measured call is a drop).
 *
 * <p>Why paced: an unpaced JMH loop offers 10 M+ events/s, several times what any library's background thread can
 * encode, so the queue either fills (and the drop path is measured instead of a real enqueue) or must be so large that
 * hundreds of thousands of retained events turn the measurement into one of the garbage collector. A minimum gap
 * between calls, spun outside the measured region by a per-invocation setup, keeps every library's queue nearly empty
 * like a service that logs heavily but not faster than it can write.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallerCost {

    @Param({"fapilog", "fapilog-async", "log4j2", "logback"})
    public String library;

    /**
     * {@code discard}: a healthy sink. {@code hang}: a sink whose write never returns, so after the first few thousand
     * calls the queue is full and every measured call is a drop (drop policies everywhere).
     */
    @Param({"discard", "hang"})
    public String sink;

    /** Minimum time between the starts of two calls: 4 µs is 250,000 calls/s, below every library's drain rate. */
    @Param("4000")
    public long gapNanos;

    private Subject subject;
    private int i;
    private long last;
    private boolean measuring;
    private long droppedBefore;
    private long droppedMeasured;

    @Setup(Level.Trial)
    public void setUp() {
        subject = Subject.create(library, hung() ? Target.HANG : Target.DISCARD, null, false, Workload.QUEUE);
        subject.enterContext();
    }

    @Setup(Level.Invocation)
    public void pace() {
        long now;
        while ((now = System.nanoTime()) - last < gapNanos) {
            Thread.onSpinWait();
        }
        last = now;
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        droppedBefore = subject.dropped();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        long dropped = subject.dropped();
        if (dropped < 0) {
            droppedMeasured = -1; // the library cannot count its drops
        } else if (measuring && droppedMeasured >= 0) {
            droppedMeasured += dropped - droppedBefore;
        }
        if (!hung()) {
            subject.flush(); // a hung sink never lets the queue empty; full is the state measured there
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        String file = System.getProperty("bench.dropsFile");
        if (file != null) {
            Files.writeString(
                    Path.of(file),
                    library + "/" + sink + "=" + droppedMeasured + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        if (!hung()) {
            subject.close(); // a hung library never shuts down cleanly; the forked JVM ends with it
        }
    }

    private boolean hung() {
        return "hang".equals(sink);
    }

    @Benchmark
    public Object log() {
        return subject.log(i++);
    }
}
