package dev.fapilog.core;

import dev.fapilog.Acceptance;
import dev.fapilog.AsyncLogEventBuilder;
import dev.fapilog.AsyncLogger;
import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The {@link AsyncLogger} of a {@link CoreRuntime}. */
final class CoreAsyncLogger implements AsyncLogger {
    private final CoreRuntime runtime;
    private final String name;
    private final Object[] bound;

    CoreAsyncLogger(CoreRuntime runtime, String name, Object[] bound) {
        this.runtime = runtime;
        this.name = name;
        this.bound = bound;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LogRuntime runtime() {
        return runtime;
    }

    @Override
    public boolean isEnabled(Level level) {
        return level != null && level.priority() >= runtime.threshold();
    }

    @Override
    public CompletionStage<Acceptance> log(Level level, String message, Object... keyValues) {
        if (!isEnabled(level)) {
            return CoreRuntime.completed(Acceptance.DISABLED);
        }
        return runtime.logAsync(level, name, message, null, keyValues, 0, bound);
    }

    @Override
    public CompletionStage<Acceptance> log(Level level, String message, Throwable error, Object... keyValues) {
        if (!isEnabled(level)) {
            return CoreRuntime.completed(Acceptance.DISABLED);
        }
        return runtime.logAsync(level, name, message, error, keyValues, 0, bound);
    }

    @Override
    public CompletionStage<Acceptance> log(Level level, String message, Map<String, ?> fields) {
        return log(level, message, null, fields);
    }

    @Override
    public CompletionStage<Acceptance> log(Level level, String message, Throwable error, Map<String, ?> fields) {
        if (!isEnabled(level)) {
            return CoreRuntime.completed(Acceptance.DISABLED);
        }
        return runtime.logAsync(
                level,
                name,
                message,
                error,
                ValueCapture.fields(fields, runtime.limits()),
                CoreRuntime.FIELDS_CAPTURED,
                bound);
    }

    @Override
    public AsyncLogger bind(Object... keyValues) {
        Object[] next = BoundFields.bind(bound, keyValues, runtime.limits());
        return next == bound ? this : new CoreAsyncLogger(runtime, name, next);
    }

    @Override
    public AsyncLogger bind(Map<String, ?> fields) {
        Object[] next = BoundFields.bind(bound, fields, runtime.limits());
        return next == bound ? this : new CoreAsyncLogger(runtime, name, next);
    }

    @Override
    public AsyncLogEventBuilder atLevel(Level level) {
        return isEnabled(level) ? new AsyncEventBuilder(level) : DisabledBuilder.ASYNC;
    }

    private final class AsyncEventBuilder extends EventFields implements AsyncLogEventBuilder {
        private final Level level;

        AsyncEventBuilder(Level level) {
            this.level = level;
        }

        @Override
        public AsyncLogEventBuilder with(String key, Object value) {
            add(key, value);
            return this;
        }

        @Override
        public AsyncLogEventBuilder with(Map<String, ?> fields) {
            addAll(fields);
            return this;
        }

        @Override
        public AsyncLogEventBuilder cause(Throwable error) {
            setCause(error);
            return this;
        }

        @Override
        public AsyncLogEventBuilder sensitive(String key, Object value) {
            addSensitive(key, value);
            return this;
        }

        @Override
        public AsyncLogEventBuilder pii(String key, Object value) {
            addSensitive(key, value);
            return this;
        }

        @Override
        public AsyncLogEventBuilder unsafeUnredacted() {
            setUnredacted();
            return this;
        }

        @Override
        public CompletionStage<Acceptance> log(String message) {
            return runtime.logAsync(
                    level, name, message, cause(), pairs(runtime.limits(), runtime.mask()), flags(), bound);
        }
    }

    @Override
    public String toString() {
        return "AsyncLogger[" + name + " @ " + runtime.name() + "]";
    }
}
