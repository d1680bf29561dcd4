package dev.fapilog.core;

import java.util.List;

/**
 * A pipeline that could not start: a sink whose {@code start} failed or overran its deadline, or a thread factory
 * that did not make a thread. Everything already started was stopped again. The builder turns it into the coded
 * configuration problems the application sees; the engine knows no setting keys.
 */
public final class PipelineStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What failed to start. */
    public enum Part {
        /** A sink (its name is the one it is configured under). */
        SINK,
        /** The thread factory (its name is where it came from, as given to the builder). */
        THREAD_FACTORY
    }

    /**
     * One failure.
     *
     * @param part what failed
     * @param name which one: the sink's name, or the thread factory's source
     * @param detail what happened, in words
     */
    public record Failure(Part part, String name, String detail) {}

    private final transient List<Failure> failures;

    PipelineStartException(List<Failure> failures) {
        super("the pipeline could not start: " + failures);
        this.failures = List.copyOf(failures);
    }

    /** Every failure, in the order met. */
    public List<Failure> failures() {
        return failures;
    }
}
