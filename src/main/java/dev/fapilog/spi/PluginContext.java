package dev.fapilog.spi;

/** What the runtime gives a plug-in when it starts. */
public interface PluginContext {

    /** The runtime's name. */
    String runtimeName();

    /** The channel for the plug-in's own warnings (rate-limited, never back into the pipeline). */
    Diagnostics diagnostics();
}
