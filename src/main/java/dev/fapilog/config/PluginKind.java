package dev.fapilog.config;

import dev.fapilog.spi.EnricherProvider;
import dev.fapilog.spi.FilterProvider;
import dev.fapilog.spi.PluginProvider;
import dev.fapilog.spi.ProcessorProvider;
import dev.fapilog.spi.RedactorProvider;
import dev.fapilog.spi.SinkProvider;

/** The five kinds of plug-in: the key that lists them, the prefix of their options, and their provider type. */
public enum PluginKind {
    SINK("sinks", "sink", SinkProvider.class),
    FILTER("filters", "filter", FilterProvider.class),
    ENRICHER("enrichers", "enricher", EnricherProvider.class),
    REDACTOR("redactors", "redactor", RedactorProvider.class),
    PROCESSOR("processors", "processor", ProcessorProvider.class);

    private final String listKey;
    private final String noun;
    private final Class<? extends PluginProvider<?>> providerType;

    PluginKind(String listKey, String noun, Class<? extends PluginProvider<?>> providerType) {
        this.listKey = listKey;
        this.noun = noun;
        this.providerType = providerType;
    }

    /** The key naming the plug-ins in use, such as {@code filters}. */
    public String listKey() {
        return listKey;
    }

    /** The kind in words, such as {@code filter}. */
    public String noun() {
        return noun;
    }

    /** The {@link java.util.ServiceLoader} service type of this kind's providers. */
    public Class<? extends PluginProvider<?>> providerType() {
        return providerType;
    }

    /**
     * The full key of one option: {@code sink.<name>.<option>}, {@code filter.<name>.<option>} and so on, and
     * {@code redaction.<option>} for redactors, whose options share the redaction namespace as in fapilog.
     */
    public String key(String pluginName, String option) {
        return this == REDACTOR ? "redaction." + option : noun + "." + pluginName + "." + option;
    }
}
