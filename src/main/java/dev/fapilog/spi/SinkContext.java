package dev.fapilog.spi;

/** What the runtime gives a sink when it starts. */
public interface SinkContext extends PluginContext {

    /** The name the sink is registered and counted under. */
    String sinkName();
}
