package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.LogEventBuilder;
import dev.fapilog.Logger;
import java.util.Map;

/** The {@link Logger} of a {@link CoreRuntime}: a name, bound fields, and a level check in front of the runtime. */
final class CoreLogger extends FacadeBase<Logger, Void> implements Logger {

    CoreLogger(CoreRuntime runtime, String name, Object[] bound) {
        super(runtime, name, bound);
    }

    @Override
    Void submit(Level level, String message, Throwable error, Object[] keyValues, int flags) {
        intake.log(level, name, message, error, keyValues, flags, bound);
        return null;
    }

    @Override
    Void disabled() {
        return null;
    }

    @Override
    Logger withBound(Object[] next) {
        return new CoreLogger(runtime, name, next);
    }

    @Override
    public void log(Level level, String message, Object... keyValues) {
        logPairs(level, message, null, keyValues);
    }

    @Override
    public void log(Level level, String message, Throwable error, Object... keyValues) {
        logPairs(level, message, error, keyValues);
    }

    @Override
    public void log(Level level, String message, Map<String, ?> fields) {
        logMap(level, message, null, fields);
    }

    @Override
    public void log(Level level, String message, Throwable error, Map<String, ?> fields) {
        logMap(level, message, error, fields);
    }

    @Override
    public Logger bind(Object... keyValues) {
        return bindPairs(keyValues);
    }

    @Override
    public Logger bind(Map<String, ?> fields) {
        return bindMap(fields);
    }

    @Override
    public LogEventBuilder atLevel(Level level) {
        return isEnabled(level) ? new Builder(level) : DisabledBuilder.INSTANCE;
    }

    private final class Builder extends Fluent<LogEventBuilder> implements LogEventBuilder {
        Builder(Level level) {
            super(level);
        }

        @Override
        LogEventBuilder self() {
            return this;
        }

        @Override
        public void log(String message) {
            send(message);
        }
    }

    @Override
    public String toString() {
        return "Logger[" + name + " @ " + runtime.name() + "]";
    }
}
