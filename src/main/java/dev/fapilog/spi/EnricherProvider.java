package dev.fapilog.spi;

/**
 * Declares a {@link Enricher} (see {@link PluginProvider}); listed in
 * {@code META-INF/services/dev.fapilog.spi.EnricherProvider}.
 */
public interface EnricherProvider extends PluginProvider<Enricher> {}
