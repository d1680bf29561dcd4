package dev.fapilog.spi;

import java.util.Map;

/** The configuration a {@link SinkProvider} creates a sink from: its name and its validated options. */
public interface SinkConfig {

    /** The name the sink is configured under. */
    String sinkName();

    /** The value of a declared option, or its default ({@code null} when it has neither). */
    String option(String key);

    /** Every declared option with a value, defaults included. */
    Map<String, String> options();

    /** Whether standard output is a terminal (for sinks that pick colours or formats). */
    boolean stdoutIsTerminal();
}
