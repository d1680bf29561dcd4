package dev.fapilog.enrich;

import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.EnricherProvider;
import dev.fapilog.spi.PluginConfig;

/** {@code trace-context}: trace and span ids from the OpenTelemetry span of the logging thread, or traceparent. */
public final class TraceContextEnricherProvider implements EnricherProvider {

    @Override
    public String name() {
        return "trace-context";
    }

    @Override
    public Enricher create(PluginConfig config) {
        return new TraceContextEnricher();
    }
}
