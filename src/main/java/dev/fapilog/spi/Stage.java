package dev.fapilog.spi;

/**
 * Life-cycle of a filter, enricher, redactor or processor. {@code start} runs on the worker thread before the first
 * event; {@code stop} runs on the worker thread during drain, in reverse order. A stage whose {@code start} throws is
 * left out of the pipeline and reported; an exception from {@code stop} is reported and ignored.
 */
public interface Stage {

    default void start(PluginContext context) throws Exception {}

    default void stop() throws Exception {}
}
