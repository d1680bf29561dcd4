package dev.fapilog.core;

import dev.fapilog.spi.Sink;

/**
 * A sink and the name it is configured and counted under.
 *
 * @param name the configured name (for a registered sink, its registry name)
 * @param sink the instance
 */
public record NamedSink(String name, Sink sink) {}
