package dev.fapilog.core;

import dev.fapilog.Acceptance;
import dev.fapilog.AsyncLogEventBuilder;
import dev.fapilog.LogEventBuilder;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The shared builders returned for a disabled level: they ignore everything and allocate nothing. */
final class DisabledBuilder implements LogEventBuilder {
    static final DisabledBuilder INSTANCE = new DisabledBuilder();
    static final AsyncLogEventBuilder ASYNC = new Async();

    private DisabledBuilder() {}

    @Override
    public LogEventBuilder with(String key, Object value) {
        return this;
    }

    @Override
    public LogEventBuilder with(Map<String, ?> fields) {
        return this;
    }

    @Override
    public LogEventBuilder cause(Throwable error) {
        return this;
    }

    @Override
    public LogEventBuilder sensitive(String key, Object value) {
        return this;
    }

    @Override
    public LogEventBuilder pii(String key, Object value) {
        return this;
    }

    @Override
    public LogEventBuilder unsafeUnredacted() {
        return this;
    }

    @Override
    public void log(String message) {}

    private static final class Async implements AsyncLogEventBuilder {
        @Override
        public AsyncLogEventBuilder with(String key, Object value) {
            return this;
        }

        @Override
        public AsyncLogEventBuilder with(Map<String, ?> fields) {
            return this;
        }

        @Override
        public AsyncLogEventBuilder cause(Throwable error) {
            return this;
        }

        @Override
        public AsyncLogEventBuilder sensitive(String key, Object value) {
            return this;
        }

        @Override
        public AsyncLogEventBuilder pii(String key, Object value) {
            return this;
        }

        @Override
        public AsyncLogEventBuilder unsafeUnredacted() {
            return this;
        }

        @Override
        public CompletionStage<Acceptance> log(String message) {
            return Intake.completed(Acceptance.DISABLED);
        }
    }
}
