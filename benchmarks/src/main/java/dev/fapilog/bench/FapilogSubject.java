package dev.fapilog.bench;

import dev.fapilog.AsyncLogger;
import dev.fapilog.Fapilog;
import dev.fapilog.LogContext;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import dev.fapilog.LoggerBuilder;
import dev.fapilog.spi.Sink;
import dev.fapilog.spi.SinkBatch;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** fapilog-jakarta through its public API only. */
final class FapilogSubject implements Subject {
    private final LogRuntime runtime;
    private final Logger log;
    private final AsyncLogger alog;
    private final String settings;

    FapilogSubject(Target target, Path file, boolean lossless, int queue, boolean async) {
        LoggerBuilder b = Fapilog.builder()
                .name("bench")
                .level(dev.fapilog.Level.INFO)
                .queueCapacity(queue)
                .setting("enrichers", "none")
                .shutdownHook(false)
                .diagnosticsListener(line -> {});
        if (lossless) {
            b.waitWhenFull(Duration.ofSeconds(5));
        } else {
            b.dropWhenFull();
        }
        switch (target) {
            case FILE:
                b.sinks("file").sinkOption("file", "path", file.toString()).sinkOption("file", "append", "false");
                break;
            case DISCARD:
                b.sinks().plugin(new DiscardSink());
                break;
            default:
                b.sinks().plugin(new HangingSink()).setting("sink.hang.timeout", "10m");
                break;
        }
        this.runtime = b.buildRuntime();
        this.log = runtime.logger("bench");
        this.alog = async ? runtime.asyncLogger("bench") : null;
        this.settings = "queue.capacity=" + queue + ", backpressure=" + (lossless ? "wait 5s" : "drop")
                + ", batch.max-size=256, enrichers=none, redaction: the default (CREDENTIALS masking + url-credentials)"
                + ", facade="
                + (async ? "AsyncLogger" : "Logger");
    }

    /** The runtime, for the bridges that log into it. */
    LogRuntime runtime() {
        return runtime;
    }

    @Override
    public void enterContext() {
        LogContext.put("request_id", Workload.REQUEST_ID);
        LogContext.put("tenant_id", Workload.TENANT_ID);
    }

    @Override
    public Object log(int i) {
        if (alog != null) {
            return alog.info(
                    Workload.MESSAGE,
                    "user_id",
                    Workload.userId(i),
                    "amount",
                    Workload.AMOUNT,
                    "currency",
                    Workload.CURRENCY);
        }
        Workload.log(log, i);
        return null;
    }

    @Override
    public void flush() {
        runtime.flush(Duration.ofMinutes(2));
    }

    @Override
    public void close() {
        runtime.drain(Duration.ofSeconds(30));
    }

    @Override
    public long dropped() {
        return runtime.stats().dropped();
    }

    @Override
    public String backgroundThreadPrefix() {
        return "fapilog-bench-";
    }

    @Override
    public String settings() {
        return settings;
    }

    /** Takes every encoded byte and throws it away, like a file on /dev/null. */
    private static final class DiscardSink implements Sink {
        private final OutputStream out = OutputStream.nullOutputStream();

        @Override
        public String name() {
            return "discard";
        }

        @Override
        public void write(SinkBatch batch) throws java.io.IOException {
            batch.writeTo(out);
        }
    }

    /** Never returns from a write (until the JVM ends). */
    private static final class HangingSink implements Sink {
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        public String name() {
            return "hang";
        }

        @Override
        public void write(SinkBatch batch) throws InterruptedException {
            never.await();
        }
    }
}
