package dev.fapilog.spi;

import dev.fapilog.Plugin;

/**
 * Decides whether an event goes on. Runs on the worker thread, before enrichers. A filter that throws is skipped for
 * that event (the event goes on) and the failure is reported on the diagnostics channel.
 */
public interface Filter extends Plugin, Stage {

    /** {@code true} to keep the event, {@code false} to drop it (counted as filtered). */
    boolean accept(EventView event);
}
