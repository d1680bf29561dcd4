package dev.fapilog.process;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Processor;
import dev.fapilog.spi.ProcessorProvider;
import java.util.List;
import java.util.Locale;

/** {@code size-guard}: keeps every written line within {@code processor.size-guard.max-bytes}. */
public final class SizeGuardProcessorProvider implements ProcessorProvider {

    @Override
    public String name() {
        return "size-guard";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.size("max-bytes", "256KB", 1 << 10, 64 << 20),
                PluginOption.text(
                        "action",
                        "truncate",
                        "one of truncate, drop, warn",
                        v -> v.equals("truncate") || v.equals("drop") || v.equals("warn")),
                PluginOption.list("preserve-fields", "none", "top-level data field names", v -> true));
    }

    @Override
    public Processor create(PluginConfig config) {
        return new SizeGuardProcessor(
                (int) config.size("max-bytes"),
                SizeGuardProcessor.Action.valueOf(config.option("action").trim().toUpperCase(Locale.ROOT)),
                config.list("preserve-fields"));
    }
}
