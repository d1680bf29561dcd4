package dev.fapilog.spi;

/**
 * Declares a {@link Filter} (see {@link PluginProvider}); listed in
 * {@code META-INF/services/dev.fapilog.spi.FilterProvider}.
 */
public interface FilterProvider extends PluginProvider<Filter> {}
