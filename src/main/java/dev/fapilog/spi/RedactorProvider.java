package dev.fapilog.spi;

/**
 * Declares a {@link Redactor} (see {@link PluginProvider}); listed in
 * {@code META-INF/services/dev.fapilog.spi.RedactorProvider}.
 */
public interface RedactorProvider extends PluginProvider<Redactor> {}
