package dev.fapilog.enrich;

import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.EnricherProvider;
import dev.fapilog.spi.PluginConfig;

/** {@code runtime-info}: service, environment and version (the shared {@code service.*} keys), host, pid, JVM. */
public final class RuntimeInfoEnricherProvider implements EnricherProvider {

    @Override
    public String name() {
        return "runtime-info";
    }

    @Override
    public Enricher create(PluginConfig config) {
        return new RuntimeInfoEnricher(
                config.shared("service.name"),
                blankToNull(config.shared("service.environment")),
                blankToNull(config.shared("service.version")));
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
