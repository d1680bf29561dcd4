package dev.fapilog.spi;

import dev.fapilog.Plugin;
import java.util.List;

/**
 * Declares one plug-in: the name it is configured by, its options, and how to create it. Built-in and third-party
 * plug-ins are found the same way, with {@link java.util.ServiceLoader}, through the kind's own interface
 * ({@link SinkProvider}, {@link FilterProvider}, {@link EnricherProvider}, {@link RedactorProvider},
 * {@link ProcessorProvider}) listed in {@code META-INF/services/<interface name>} of the plug-in's jar. Names are
 * lower-case kebab-case and unique within a kind; a provider cannot take a name already taken (the first one found,
 * the library's own first, wins and the other is reported on the diagnostics channel).
 *
 * <p>Providers must have a public no-argument constructor and be cheap to create: every runtime start loads them.
 *
 * @param <T> the kind of plug-in
 */
public interface PluginProvider<T extends Plugin> {

    /** The name used in {@code fapilog.sinks}, {@code fapilog.filters}, ... (for example {@code rate-limit}). */
    String name();

    /** The options this plug-in takes; keys not listed here are rejected at start-up. */
    default List<PluginOption> options() {
        return List.of();
    }

    /**
     * Checks that need several options together, reporting with {@link PluginConfig#reject}. Called at every start
     * for every provider found, whether its plug-in is used or not (as every key is validated), so that one run reports
     * every problem. Must not create anything.
     */
    default void check(PluginConfig config) {}

    /**
     * Why the settings need this plug-in even where the list of its kind does not name it, or {@code null}. A
     * redactor whose data is set (field paths, patterns, a compliance preset) answers with the keys that set it,
     * separated by {@code " / "}, each possibly followed by words of explanation after a space: the runtime then adds it to the list, unless the user set both the list and one of
     * those keys explicitly, which is reported as a conflict.
     */
    default String neededBecause(PluginConfig config) {
        return null;
    }

    /**
     * Creates the plug-in, at start-up, on the thread that builds the runtime, from options already validated.
     * Throwing (or returning {@code null}) fails the start with a {@code FAPILOG-C008} problem naming this plug-in.
     */
    T create(PluginConfig config) throws Exception;
}
