package dev.fapilog.core;

import dev.fapilog.Acceptance;
import dev.fapilog.AsyncLogEventBuilder;
import dev.fapilog.AsyncLogger;
import dev.fapilog.Level;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The {@link AsyncLogger} of a {@link CoreRuntime}: like {@link CoreLogger}, each call returns its acceptance. */
final class CoreAsyncLogger extends FacadeBase<AsyncLogger, CompletionStage<Acceptance>> implements AsyncLogger {

    CoreAsyncLogger(CoreRuntime runtime, String name, Object[] bound) {
        super(runtime, name, bound);
    }

    @Override
    CompletionStage<Acceptance> submit(Level level, String message, Throwable error, Object[] keyValues, int flags) {
        return intake.logAsync(level, name, message, error, keyValues, flags, bound);
    }

    @Override
    CompletionStage<Acceptance> disabled() {
        return Intake.completed(Acceptance.DISABLED);
    }

    @Override
    AsyncLogger withBound(Object[] next) {
        return new CoreAsyncLogger(runtime, name, next);
    }

    @Override
    public CompletionStage<Acceptance> log(Level level, String message, Object... keyValues) {
        return logPairs(level, message, null, keyValues);
    }

    @Override
    public CompletionStage<Acceptance> log(Level level, String message, Throwable error, Object... keyValues) {
        return logPairs(level, message, error, keyValues);
    }

    @Override
    public CompletionStage<Acceptance> log(Level level, String message, Map<String, ?> fields) {
        return logMap(level, message, null, fields);
    }

    @Override
    public CompletionStage<Acceptance> log(Level level, String message, Throwable error, Map<String, ?> fields) {
        return logMap(level, message, error, fields);
    }

    @Override
    public AsyncLogger bind(Object... keyValues) {
        return bindPairs(keyValues);
    }

    @Override
    public AsyncLogger bind(Map<String, ?> fields) {
        return bindMap(fields);
    }

    @Override
    public AsyncLogEventBuilder atLevel(Level level) {
        return isEnabled(level) ? new Builder(level) : DisabledBuilder.ASYNC;
    }

    private final class Builder extends Fluent<AsyncLogEventBuilder> implements AsyncLogEventBuilder {
        Builder(Level level) {
            super(level);
        }

        @Override
        AsyncLogEventBuilder self() {
            return this;
        }

        @Override
        public CompletionStage<Acceptance> log(String message) {
            return send(message);
        }
    }

    @Override
    public String toString() {
        return "AsyncLogger[" + name + " @ " + runtime.name() + "]";
    }
}
