package dev.fapilog.spi;

import java.util.List;

/**
 * Creates sinks by name. Built-in sinks and third-party sinks are found the same way: third-party providers are
 * listed in {@code META-INF/services/dev.fapilog.spi.SinkProvider} and found with {@link java.util.ServiceLoader}.
 * Names are lower-case, kebab-case, and unique; a third-party provider cannot replace a built-in name.
 */
public interface SinkProvider {

    /** The name used in {@code fapilog.sinks}, for example {@code stdout-json}. */
    String name();

    /** The options this sink takes. Keys not listed here are rejected at start-up. */
    default List<SinkOption> options() {
        return List.of();
    }

    /**
     * Creates the sink, at start-up, on the thread that builds the runtime. Throwing fails the start with a
     * configuration error naming this sink.
     */
    Sink create(SinkConfig config) throws Exception;
}
