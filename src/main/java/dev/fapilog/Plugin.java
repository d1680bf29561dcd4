package dev.fapilog;

/**
 * Marker for pipeline plug-ins (sinks, filters, enrichers, redactors, processors) that can be handed to
 * {@link LoggerBuilder#plugin(Plugin)}. The plug-in contracts themselves live in {@code dev.fapilog.spi}.
 */
public interface Plugin {
    /** The name the plug-in is reported under in statistics and diagnostics. */
    String name();
}
