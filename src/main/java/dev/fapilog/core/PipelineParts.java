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
 * @param filters filters, in order
 * @param enrichers enrichers, in order
 * @param redactors redactors, in order
 * @param processors processors, in order
 */
public record PipelineParts(
        List<NamedSink> sinks,
        List<Filter> filters,
        List<Enricher> enrichers,
        List<Redactor> redactors,
        List<Processor> processors) {}
