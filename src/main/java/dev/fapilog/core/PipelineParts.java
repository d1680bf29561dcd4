package dev.fapilog.core;

import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.Filter;
import dev.fapilog.spi.Processor;
import dev.fapilog.spi.Redactor;
import java.util.List;

/**
 * The plug-ins a runtime is assembled from.
 *
 * @param sinks the sinks, in order
 * @param standbySinks sinks that are only fallbacks of other sinks ({@code sink.<name>.fallback}): they receive only
 *     what those sinks could not write, are not listed in the statistics, and are stopped after them
 * @param filters filters, in order
 * @param enrichers enrichers, in order
 * @param redactors redactors, in order
 * @param processors processors, in order
 */
public record PipelineParts(
        List<NamedSink> sinks,
        List<NamedSink> standbySinks,
        List<Filter> filters,
        List<Enricher> enrichers,
        List<Redactor> redactors,
        List<Processor> processors) {}
