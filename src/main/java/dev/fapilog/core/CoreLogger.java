package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.LogEventBuilder;
import dev.fapilog.LogRuntime;
import dev.fapilog.Logger;
import java.util.Map;

/** The {@link Logger} of a {@link CoreRuntime}: a name, bound fields, and a level check in front of the runtime. */
final class CoreLogger implements Logger {
    static final Object[] NO_FIELDS = new Object[0];

    private final CoreRuntime runtime;
    private final String name;
    private final Object[] bound;

    CoreLogger(CoreRuntime runtime, String name, Object[] bound) {
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
    public void log(Level level, String message, Object... keyValues) {
        if (level != null && level.priority() >= runtime.threshold()) {
            runtime.log(level, name, message, null, keyValues, 0, bound);
        }
    }

    @Override
    public void log(Level level, String message, Throwable error, Object... keyValues) {
        if (level != null && level.priority() >= runtime.threshold()) {
            runtime.log(level, name, message, error, keyValues, 0, bound);
        }
    }

    @Override
    public void log(Level level, String message, Map<String, ?> fields) {
        log(level, message, null, fields);
    }

    @Override
    public void log(Level level, String message, Throwable error, Map<String, ?> fields) {
        if (level != null && level.priority() >= runtime.threshold()) {
            runtime.log(
                    level,
                    name,
                    message,
                    error,
                    ValueCapture.fields(fields, runtime.limits()),
                    CoreRuntime.FIELDS_CAPTURED,
                    bound);
        }
    }

    @Override
    public Logger bind(Object... keyValues) {
        Object[] next = BoundFields.bind(bound, keyValues, runtime.limits());
        return next == bound ? this : new CoreLogger(runtime, name, next);
    }

    @Override
    public Logger bind(Map<String, ?> fields) {
        Object[] next = BoundFields.bind(bound, fields, runtime.limits());
        return next == bound ? this : new CoreLogger(runtime, name, next);
    }

    @Override
    public LogEventBuilder atLevel(Level level) {
        return isEnabled(level) ? new SyncEventBuilder(level) : DisabledBuilder.INSTANCE;
    }

    private final class SyncEventBuilder extends EventFields implements LogEventBuilder {
        private final Level level;

        SyncEventBuilder(Level level) {
            this.level = level;
        }

        @Override
        public LogEventBuilder with(String key, Object value) {
            add(key, value);
            return this;
        }

        @Override
        public LogEventBuilder with(Map<String, ?> fields) {
            addAll(fields);
            return this;
        }

        @Override
        public LogEventBuilder cause(Throwable error) {
            setCause(error);
            return this;
        }

        @Override
        public LogEventBuilder sensitive(String key, Object value) {
            addSensitive(key, value);
            return this;
        }

        @Override
        public LogEventBuilder pii(String key, Object value) {
            addSensitive(key, value);
            return this;
        }

        @Override
        public LogEventBuilder unsafeUnredacted() {
            setUnredacted();
            return this;
        }

        @Override
        public void log(String message) {
            runtime.log(level, name, message, cause(), pairs(runtime.limits(), runtime.mask()), flags(), bound);
        }
    }

    @Override
    public String toString() {
        return "Logger[" + name + " @ " + runtime.name() + "]";
    }
}
