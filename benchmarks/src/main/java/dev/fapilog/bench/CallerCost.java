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

/**
 * The cost of one log call on the calling thread, sampled by JMH: a discarding sink (events are still encoded to JSON
 * on the background thread, as in production), and a queue large enough, and flushed after every iteration, so that
 * it never fills while being measured (drops are recorded to prove it).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CallerCost {

    @Param({"fapilog", "fapilog-async", "log4j2", "logback"})
    public String library;

    private Subject subject;
    private int i;

    @Setup(Level.Trial)
    public void setUp() {
        subject = Subject.create(library, Target.DISCARD, null, false, Workload.CALLER_QUEUE);
        subject.enterContext();
    }

    @TearDown(Level.Iteration)
    public void emptyTheQueue() {
        subject.flush();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        String file = System.getProperty("bench.dropsFile");
        if (file != null) {
            Files.writeString(Path.of(file), library + "=" + subject.dropped() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        subject.close();
    }

    @Benchmark
    public Object log() {
        return subject.log(i++);
    }
}
