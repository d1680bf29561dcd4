package dev.fapilog.spi;

import dev.fapilog.Plugin;

/**
 * Removes or masks sensitive values. Runs on the worker thread after enrichers and before encoding, for every sink.
 * What happens when a redactor throws is set by {@code redaction.fail-mode}: {@code open} and {@code warn} go on
 * with the event ({@code warn} also reports it), {@code closed} drops the event, counted as
 * {@code dropped(redaction_failed)}.
 */
public interface Redactor extends Plugin, Stage {

    void redact(MutableEvent event);
}
