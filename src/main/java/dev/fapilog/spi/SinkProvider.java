package dev.fapilog.spi;

/**
 * Declares a {@link Sink} (see {@link PluginProvider}); listed in {@code META-INF/services/dev.fapilog.spi.SinkProvider}.
 * Options are keys under {@code fapilog.sink.<name>.}, beside the delivery keys every sink has ({@code timeout},
 * {@code retry.*}, {@code circuit.*}, {@code fallback}) and {@code type}; a problem with one is reported as
 * {@code FAPILOG-C007}.
 */
public interface SinkProvider extends PluginProvider<Sink> {

    /**
     * The write deadline this sink needs when neither {@code sink.<name>.timeout} nor {@code sink.timeout} is set, or
     * {@code null} for the runtime's (5 s): for a sink that waits for a remote acknowledgement which may take longer,
     * such as a broker riding out a restart. Settings the user gave always win.
     */
    default java.time.Duration defaultTimeout() {
        return null;
    }
}
