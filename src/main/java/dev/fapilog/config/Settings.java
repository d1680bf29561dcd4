package dev.fapilog.config;

import dev.fapilog.Preset;
import java.util.List;
import java.util.Map;

/**
 * The immutable, validated settings of one runtime, as the assembler uses them: the {@link EngineSettings} for the
 * core, the plug-ins named for each kind, each plug-in's validated options, and where every value came from. Built by
 * {@link SettingsResolver}.
 *
 * @param engine what the engine needs
 * @param preset the preset applied, or {@code null} ({@code preset})
 * @param plugins the plug-in names of each kind, in order ({@code sinks}, or chosen by {@code format};
 *     {@code filters}, {@code enrichers}, {@code redactors}, {@code processors})
 * @param redactionPresets the compliance presets in force ({@code redaction.presets})
 * @param pluginOptions the validated options of every provider found (other than sinks), by kind and name, whether
 *     used or not
 * @param sinkOptions options per sink name ({@code sink.<name>.<option>}), not yet checked against the sink
 * @param context what every plug-in of this runtime shares
 * @param environment what was detected about the environment
 * @param sources where each key's value came from, for error messages
 */
public record Settings(
        EngineSettings engine,
        Preset preset,
        Map<PluginKind, List<String>> plugins,
        List<String> redactionPresets,
        Map<PluginKind, Map<String, PluginSettings>> pluginOptions,
        Map<String, Map<String, String>> sinkOptions,
        PluginSettings.Context context,
        EnvironmentFacts environment,
        Map<String, Source> sources) {

    /** Where a setting's value came from. */
    public enum Source {
        EXPLICIT,
        PRESET,
        ENVIRONMENT,
        DEFAULT
    }

    /** The runtime's name. */
    public String name() {
        return engine.name();
    }

    /** The plug-in names of a kind, in order. */
    public List<String> plugins(PluginKind kind) {
        return plugins.getOrDefault(kind, List.of());
    }

    /** The sink names, in order. */
    public List<String> sinks() {
        return plugins(PluginKind.SINK);
    }

    /** Where a key's value came from; {@link Source#DEFAULT} for keys never set. */
    public Source sourceOf(String key) {
        return sources.getOrDefault(key, Source.DEFAULT);
    }
}
