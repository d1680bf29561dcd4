package dev.fapilog.spi;

/** What the runtime gives a sink when it starts. */
public interface SinkContext extends PluginContext {

    /** The name the sink is registered and counted under. */
    String sinkName();

    /**
     * Declares a thread that the sink's library made for it, such as a client's I/O thread: what is logged on it (a
     * client logging about the sink's own connection trouble through SLF4J or JUL into this runtime) is diverted to
     * the diagnostics channel and counted as {@code dropped(pipeline_thread)}, as on the sink's own thread, so it can
     * never feed the sink's queue. Call it from {@link Sink#start}, once the thread exists.
     */
    default void adoptThread(Thread thread) {}
}
