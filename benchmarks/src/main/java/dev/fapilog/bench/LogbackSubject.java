package dev.fapilog.bench;

import static net.logstash.logback.argument.StructuredArguments.kv;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logback {@code AsyncAppender} (neverBlock) with logstash-logback-encoder. */
final class LogbackSubject implements Subject {
    private final LoggerContext context;
    private final Logger log;
    private final String settings;

    LogbackSubject(Target target, Path file, boolean lossless, int queue) {
        context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        ch.qos.logback.core.Appender<ILoggingEvent> out;
        switch (target) {
            case FILE:
                FileAppender<ILoggingEvent> f = new FileAppender<>();
                f.setFile(file.toString());
                f.setAppend(false);
                f.setImmediateFlush(false);
                f.setEncoder(encoder);
                out = f;
                break;
            case DISCARD:
                OutputStreamAppender<ILoggingEvent> d = new OutputStreamAppender<>();
                d.setOutputStream(OutputStream.nullOutputStream());
                d.setEncoder(encoder);
                out = d;
                break;
            default:
                out = new HangingAppender();
                break;
        }
        out.setContext(context);
        out.setName("out");
        out.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("async");
        async.setQueueSize(queue);
        async.setDiscardingThreshold(0); // drop only when full, like the others
        async.setNeverBlock(true);
        async.setMaxFlushTime(60_000);
        async.addAppender(out);
        async.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(async);
        log = context.getLogger("bench");
        settings = "AsyncAppender queueSize=" + queue + ", neverBlock=true (drops silently when full), "
                + "discardingThreshold=0, LogstashEncoder 8.1, "
                + (target == Target.FILE ? "FileAppender (immediateFlush=false)" : "OutputStreamAppender")
                + ", fields as StructuredArguments.kv" + (lossless ? " (no lossless mode with neverBlock)" : "");
    }

    @Override
    public void enterContext() {
        MDC.put("request_id", Workload.REQUEST_ID);
        MDC.put("tenant_id", Workload.TENANT_ID);
    }

    @Override
    public Object log(int i) {
        log.info(
                Workload.MESSAGE,
                kv("user_id", Workload.userId(i)),
                kv("amount", Workload.AMOUNT),
                kv("currency", Workload.CURRENCY));
        return null;
    }

    @Override
    public void flush() {
        AsyncAppender async = (AsyncAppender)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("async");
        Subject.pollUntil(() -> async.getNumberOfElementsInQueue() == 0);
    }

    @Override
    public void close() {
        context.stop();
    }

    @Override
    public long dropped() {
        return -1; // neverBlock drops without a counter
    }

    @Override
    public String backgroundThreadPrefix() {
        return "AsyncAppender-Worker-";
    }

    @Override
    public String settings() {
        return settings;
    }

    private static final class HangingAppender extends AppenderBase<ILoggingEvent> {
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        protected void append(ILoggingEvent event) {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
