package dev.fapilog.spi;

import dev.fapilog.Plugin;

/**
 * The last transformation before encoding. Runs on the worker thread after redactors. Returning {@code false} drops
 * the event, counted as {@code dropped(processor)}. A processor that throws is skipped for that event and reported.
 */
public interface Processor extends Plugin, Stage {

    boolean process(MutableEvent event);
}
