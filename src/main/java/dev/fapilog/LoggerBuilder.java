package dev.fapilog;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Builds a new {@link LogRuntime} and returns a logger over it. Obtained from {@link Fapilog#builder()}.
 *
 * <p>Settings are resolved as <em>explicit setting &gt; preset &gt; built-in default</em>. Every setting has a flat key
 * (the same key MicroProfile Config uses, without the {@code fapilog.} prefix, listed in
 * {@code docs/reference/configuration.md}); the typed methods below are shortcuts for {@link #setting(String,
 * String)}. Validation happens in {@code build*()}: every problem is collected and reported in one
 * {@link ConfigurationException}. A builder is not thread-safe and may be built once.
 */
public interface LoggerBuilder {

    /** The runtime's name (thread names, diagnostics) and the name of the logger {@link #build()} returns. */
    LoggerBuilder name(String name);

    /** Applies a preset beneath the explicit settings. */
    LoggerBuilder preset(Preset preset);

    /** The threshold ({@code level}). */
    LoggerBuilder level(Level level);

    /** The sinks to use, by registered name ({@code sinks}); replaces the preset's list. */
    LoggerBuilder sinks(String... sinkNames);

    /**
     * The filters to run, in order, by name ({@code filters}); replaces the preset's list. Their options are settings
     * ({@code filter.<name>.*}).
     */
    LoggerBuilder filters(String... filterNames);

    /** The enrichers to run, by name ({@code enrichers}); replaces the preset's list. */
    LoggerBuilder enrichers(String... enricherNames);

    /**
     * The redactors to run, in order, by name ({@code redactors}); replaces the preset's list. With an explicit list,
     * redaction presets, fields or patterns whose redactor is missing from it are a configuration error.
     */
    LoggerBuilder redactors(String... redactorNames);

    /** The processors to run after the redactors, by name ({@code processors}); replaces the preset's list. */
    LoggerBuilder processors(String... processorNames);

    /**
     * Compliance redaction presets such as {@code CREDENTIALS} or {@code PCI_DSS} ({@code redaction.presets});
     * replaces the preset's list. {@code dev.fapilog.config.RedactionPresets} lists and inspects them.
     */
    LoggerBuilder redactionPresets(String... presetNames);

    /** Dotted field paths that {@code field-mask} masks ({@code redaction.fields}), such as {@code data.users[*].ssn}. */
    LoggerBuilder redactFields(String... paths);

    /** Regular expressions over dotted key paths that {@code regex-mask} masks ({@code redaction.patterns}). */
    LoggerBuilder redactPatterns(String... patterns);

    /** One option of one sink ({@code sink.<sink>.<key>}). */
    LoggerBuilder sinkOption(String sinkName, String key, String value);

    /**
     * Adds a plug-in instance: a sink, filter, enricher, redactor or processor from {@code dev.fapilog.spi}. Sinks
     * added this way are used in addition to the named sinks; other plug-ins run after the named ones of their kind,
     * in the order added.
     */
    LoggerBuilder plugin(Plugin plugin);

    /** Main-lane capacity ({@code queue.capacity}). */
    LoggerBuilder queueCapacity(int events);

    /** Protected-lane capacity ({@code queue.protected-capacity}). */
    LoggerBuilder protectedQueueCapacity(int events);

    /** Levels that use the protected lane ({@code queue.protected-levels}); none means a single FIFO lane. */
    LoggerBuilder protectedLevels(Level... levels);

    /** On a full queue, drop at once and count ({@code backpressure.policy=drop}). */
    LoggerBuilder dropWhenFull();

    /** On a full queue, wait up to {@code maxWait}, then drop and count ({@code backpressure.policy=wait}). */
    LoggerBuilder waitWhenFull(Duration maxWait);

    /** Most events per batch ({@code batch.max-size}). */
    LoggerBuilder batchMaxSize(int events);

    /** Longest wait for a batch to fill after its first event ({@code batch.timeout}). */
    LoggerBuilder batchTimeout(Duration timeout);

    /** Deadline of the drain run by the shutdown hook and container lifecycle ({@code shutdown.timeout}). */
    LoggerBuilder shutdownTimeout(Duration timeout);

    /** Whether a JVM shutdown hook drains this runtime ({@code shutdown.hook}). */
    LoggerBuilder shutdownHook(boolean enabled);

    /** The thread factory for the worker and sink threads (in a container: its {@code ManagedThreadFactory}). */
    LoggerBuilder threadFactory(ThreadFactory threadFactory);

    /**
     * Receives the library's own diagnostics (one JSON object per line) instead of standard error. Called on pipeline
     * threads; must not block and must not log through fapilog (such events would be counted as
     * {@code dropped(pipeline_thread)}).
     */
    LoggerBuilder diagnosticsListener(Consumer<String> listener);

    /** Any setting by key, with or without the {@code fapilog.} prefix. */
    LoggerBuilder setting(String key, String value);

    /** Several settings by key. */
    LoggerBuilder settings(Map<String, String> settings);

    /**
     * Validates the settings, starts the runtime and returns its logger named after {@link #name(String)}.
     *
     * @throws ConfigurationException listing every invalid setting
     */
    Logger build();

    /** Like {@link #build()}, returning the async facade. */
    AsyncLogger buildAsync();

    /** Like {@link #build()}, returning the runtime itself. */
    LogRuntime buildRuntime();
}
