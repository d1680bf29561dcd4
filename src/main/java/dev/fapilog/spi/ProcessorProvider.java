package dev.fapilog.spi;

/**
 * Declares a {@link Processor} (see {@link PluginProvider}); listed in
 * {@code META-INF/services/dev.fapilog.spi.ProcessorProvider}.
 */
public interface ProcessorProvider extends PluginProvider<Processor> {}
