package dev.fapilog.spi;

import dev.fapilog.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link PluginProvider} creates a plug-in from: the name it is configured under, its declared options
 * (validated before {@code create} is called, so the typed reads below do not fail for a declared option), a few
 * shared settings, and facts about the environment. Read on the thread that builds the runtime; immutable.
 */
public interface PluginConfig {

    /** The name the plug-in is configured under (for sinks, the name in {@code fapilog.sinks}). */
    String pluginName();

    /** The name of the runtime being built. */
    String runtimeName();

    /** The raw value of a declared option, or its default; {@code null} when it has neither. */
    String option(String key);

    /**
     * The keys given under a {@code PluginOption.prefix} option, without the prefix, with their values as written
     * (an empty map when none was given).
     */
    Map<String, String> prefixed(String prefix);

    /** Every declared option with a value, defaults included. */
    Map<String, String> options();

    /** A declared {@code INTEGER} option. */
    int integer(String key);

    /** A declared {@code NUMBER} or {@code POSITIVE_NUMBER} option. */
    double number(String key);

    /** A declared {@code SIZE} option, in bytes. */
    long size(String key);

    /** A declared {@code DURATION} option. */
    Duration duration(String key);

    /** A declared {@code BOOLEAN} option. */
    boolean bool(String key);

    /** A declared {@code LIST} option ({@code none} or absent: empty). */
    List<String> list(String key);

    /** A declared {@code LEVEL} option. */
    Level level(String key);

    /** A declared {@code LEVELS} option. */
    Set<Level> levels(String key);

    /**
     * The validated value of a shared setting by its documented key without the {@code fapilog.} prefix, for the
     * settings several plug-ins read: {@code filter.seed}, {@code redaction.mask}, {@code redaction.presets},
     * {@code redaction.max-depth}, {@code redaction.max-keys-scanned}, {@code redaction.on-guardrail-exceeded},
     * {@code service.name} (the runtime name when not set), {@code service.environment}, {@code service.version}.
     *
     * @throws IllegalArgumentException for a key that is not a shared setting
     */
    String shared(String key);

    /** Whether standard output is a terminal (for sinks that pick colours or formats). */
    boolean stdoutIsTerminal();

    /**
     * Reports a problem with an option's value found by the plug-in itself (in {@link PluginProvider#check} or
     * {@code create}): the start fails with one message listing every problem, this one with the code of its kind
     * ({@code FAPILOG-C007} for any sink option) naming the option's full key.
     *
     * @param problem what is wrong
     * @param key the option's key, as declared (or a shared key such as {@code redaction.presets})
     * @param value the value in question, as the user wrote it
     * @param allowed what would be allowed, in words
     */
    void report(OptionProblem problem, String key, String value, String allowed);
}
