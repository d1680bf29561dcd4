package dev.fapilog.spi;

import dev.fapilog.Plugin;

/**
 * Adds fields to events. Runs on the worker thread after filters. An enricher that throws is skipped for that event
 * and reported on the diagnostics channel; fields it added before throwing stay.
 */
public interface Enricher extends Plugin, Stage {

    void enrich(MutableEvent event);
}
