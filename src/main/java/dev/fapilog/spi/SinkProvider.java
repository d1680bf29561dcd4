package dev.fapilog.spi;

/**
 * Declares a {@link Sink} (see {@link PluginProvider}); listed in {@code META-INF/services/dev.fapilog.spi.SinkProvider}.
 * Options are keys under {@code fapilog.sink.<name>.}, beside the delivery keys every sink has ({@code timeout},
 * {@code retry.*}, {@code circuit.*}, {@code fallback}) and {@code type}; a problem with one is reported as
 * {@code FAPILOG-C007}.
 */
public interface SinkProvider extends PluginProvider<Sink> {}
