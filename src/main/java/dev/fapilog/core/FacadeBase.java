package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.LogRuntime;
import java.util.Map;

/**
 * What the two facades share: a name, bound fields, the level check in front of the runtime, and the event building
 * of the fluent form. A facade only says what a log call returns ({@link #submit}) and how to make a child with more
 * bound fields ({@link #withBound}). Immutable and thread-safe.
 *
 * @param <F> the facade type ({@code Logger} or {@code AsyncLogger})
 * @param <R> what a log call returns ({@code Void} for the plain facade, a stage for the async one)
 */
abstract class FacadeBase<F, R> {
    static final Object[] NO_FIELDS = new Object[0];

    final CoreRuntime runtime;
    final Intake intake;
    final String name;
    final Object[] bound;

    FacadeBase(CoreRuntime runtime, String name, Object[] bound) {
        this.runtime = runtime;
        this.intake = runtime.intake();
        this.name = name;
        this.bound = bound;
    }

    /** Hands a captured call to the runtime; the level was checked. */
    abstract R submit(Level level, String message, Throwable error, Object[] keyValues, int flags);

    /** What a call below the threshold returns. */
    abstract R disabled();

    /** A facade with the same name and these bound fields. */
    abstract F withBound(Object[] next);

    public String name() {
        return name;
    }

    public LogRuntime runtime() {
        return runtime;
    }

    public boolean isEnabled(Level level) {
        return level != null && level.priority() >= runtime.threshold();
    }

    final R logPairs(Level level, String message, Throwable error, Object[] keyValues) {
        return isEnabled(level) ? submit(level, message, error, keyValues, 0) : disabled();
    }

    final R logMap(Level level, String message, Throwable error, Map<String, ?> fields) {
        if (!isEnabled(level)) {
            return disabled();
        }
        return submit(level, message, error, ValueCapture.fields(fields, intake.limits()), Intake.FIELDS_CAPTURED);
    }

    @SuppressWarnings("unchecked")
    final F bindPairs(Object... keyValues) {
        Object[] next = BoundFields.bind(bound, keyValues, intake.limits());
        return next == bound ? (F) this : withBound(next);
    }

    @SuppressWarnings("unchecked")
    final F bindMap(Map<String, ?> fields) {
        Object[] next = BoundFields.bind(bound, fields, intake.limits());
        return next == bound ? (F) this : withBound(next);
    }

    /**
     * The fluent form's event under construction; each call adds to it and returns the builder.
     *
     * @param <B> the builder type of the facade
     */
    abstract class Fluent<B> extends EventFields {
        private final Level level;

        Fluent(Level level) {
            this.level = level;
        }

        abstract B self();

        public B with(String key, Object value) {
            add(key, value);
            return self();
        }

        public B with(Map<String, ?> fields) {
            addAll(fields);
            return self();
        }

        public B cause(Throwable error) {
            setCause(error);
            return self();
        }

        public B sensitive(String key, Object value) {
            addSensitive(key, value);
            return self();
        }

        public B pii(String key, Object value) {
            addSensitive(key, value);
            return self();
        }

        public B unsafeUnredacted() {
            setUnredacted();
            return self();
        }

        /** Captures and submits the event. */
        final R send(String message) {
            return submit(level, message, cause(), pairs(intake.limits(), intake.mask()), flags());
        }
    }
}
