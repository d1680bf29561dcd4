package dev.fapilog.bench;

import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.OutputStreamAppender;
import org.apache.logging.log4j.core.appender.RandomAccessFileAppender;
import org.apache.logging.log4j.core.async.DiscardingAsyncQueueFullPolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.MapMessage;

/** Log4j 2 all-async loggers (LMAX Disruptor) with garbage-free settings and JSON Template Layout. */
final class Log4jSubject implements Subject {
    /** The same fields as fapilog's envelope, as far as Log4j's resolvers allow. */
    static final String TEMPLATE = "{"
            + "\"timestamp\":{\"$resolver\":\"timestamp\",\"pattern\":{\"format\":\"yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'\","
            + "\"timeZone\":\"UTC\"}},"
            + "\"level\":{\"$resolver\":\"level\",\"field\":\"name\"},"
            + "\"message\":{\"$resolver\":\"map\",\"key\":\"message\"},"
            + "\"logger\":{\"$resolver\":\"logger\",\"field\":\"name\"},"
            + "\"thread\":{\"$resolver\":\"thread\",\"field\":\"name\"},"
            + "\"context\":{\"$resolver\":\"mdc\"},"
            + "\"data\":{\"$resolver\":\"message\"}}";

    private final Logger log;
    private final LoggerContext context;
    private final String settings;

    Log4jSubject(Target target, Path file, boolean lossless, int queue) {
        setIfAbsent("log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
        setIfAbsent("log4j2.asyncLoggerRingBufferSize", Integer.toString(queue));
        setIfAbsent("log4j2.enableThreadlocals", "true");
        setIfAbsent("log4j2.enableDirectEncoders", "true");
        setIfAbsent("log4j2.garbagefreeThreadContextMap", "true");
        setIfAbsent("log4j2.isWebapp", "false");
        setIfAbsent("log4j2.statusLoggerLevel", "ERROR");
        // The harness stops the context itself; Log4j's own hook would wait for a hung appender before the JVM exits.
        setIfAbsent("log4j2.shutdownHookEnabled", "false");
        if (!lossless) {
            setIfAbsent("log4j2.asyncQueueFullPolicy", "Discard");
            setIfAbsent("log4j2.discardThreshold", "INFO");
        }
        context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Layout<? extends Serializable> layout = JsonTemplateLayout.newBuilder()
                .setConfiguration(config)
                .setEventTemplate(TEMPLATE)
                .build();
        Appender appender;
        switch (target) {
            case FILE:
                appender = RandomAccessFileAppender.newBuilder()
                        .setName("file")
                        .setFileName(file.toString())
                        .setAppend(false)
                        .setImmediateFlush(false)
                        .setLayout(layout)
                        .setConfiguration(config)
                        .build();
                break;
            case DISCARD:
                appender = OutputStreamAppender.newBuilder()
                        .setName("discard")
                        .setTarget(OutputStream.nullOutputStream())
                        .setLayout(layout)
                        .setConfiguration(config)
                        .build();
                break;
            default:
                appender = new HangingAppender(layout);
                break;
        }
        appender.start();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        for (String name : root.getAppenders().keySet()) {
            root.removeAppender(name);
        }
        root.addAppender(appender, Level.INFO, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
        log = LogManager.getLogger("bench");
        settings = "AsyncLoggerContextSelector (all async), Disruptor 4.0.0, ring buffer " + queue
                + ", garbage-free (threadlocals, direct encoders, garbage-free ThreadContext map), queue full: "
                + (lossless ? "Default (caller blocks)" : "Discard at INFO") + ", JsonTemplateLayout, "
                + (target == Target.FILE ? "RandomAccessFileAppender (immediateFlush=false)" : "OutputStreamAppender")
                + ", fields as MapMessage";
    }

    /** A property given on the command line wins, so a run can vary one setting. */
    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public void enterContext() {
        ThreadContext.put("request_id", Workload.REQUEST_ID);
        ThreadContext.put("tenant_id", Workload.TENANT_ID);
    }

    @Override
    public Object log(int i) {
        log.info(new MapMessage<>(4)
                .with("message", Workload.MESSAGE)
                .with("user_id", Workload.userId(i))
                .with("amount", Workload.AMOUNT)
                .with("currency", Workload.CURRENCY));
        return null;
    }

    @Override
    public void flush() {
        // Async loggers have no flush: wait until the ring buffer is empty.
        var admin = ((org.apache.logging.log4j.core.async.AsyncLoggerContext) context).createRingBufferAdmin();
        Subject.pollUntil(() -> admin.getRemainingCapacity() == admin.getBufferSize());
    }

    @Override
    public void close() {
        context.stop();
    }

    /**
     * Log4j counts what its Discard policy drops, but only on the policy instance its disruptor holds privately; read
     * it from there. -1 when it cannot be read or the policy does not discard.
     */
    @Override
    public long dropped() {
        try {
            java.lang.reflect.Field d = context.getClass().getDeclaredField("loggerDisruptor");
            d.setAccessible(true);
            Object disruptor = d.get(context);
            java.lang.reflect.Field p = disruptor.getClass().getDeclaredField("asyncQueueFullPolicy");
            p.setAccessible(true);
            Object policy = p.get(disruptor);
            return policy instanceof DiscardingAsyncQueueFullPolicy
                    ? DiscardingAsyncQueueFullPolicy.getDiscardCount((DiscardingAsyncQueueFullPolicy) policy)
                    : -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public String backgroundThreadPrefix() {
        return "Log4j2-TF-";
    }

    @Override
    public String settings() {
        return settings;
    }

    /** An appender that never returns. */
    private static final class HangingAppender extends AbstractAppender {
        private final CountDownLatch never = new CountDownLatch(1);

        HangingAppender(Layout<? extends Serializable> layout) {
            super("hang", null, layout, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
