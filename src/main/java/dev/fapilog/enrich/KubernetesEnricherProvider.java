package dev.fapilog.enrich;

import dev.fapilog.spi.Enricher;
import dev.fapilog.spi.EnricherProvider;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** {@code kubernetes}: pod, namespace and node facts; see {@link KubernetesEnricher}. */
public final class KubernetesEnricherProvider implements EnricherProvider {

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(PluginOption.text(
                "downward-api-path", "/etc/podinfo", "a directory path", KubernetesEnricherProvider::isPath));
    }

    /** A non-empty path the platform accepts (a NUL character, for one, is refused by {@link Path#of}). */
    private static boolean isPath(String raw) {
        if (raw.isEmpty()) {
            return false;
        }
        try {
            Path.of(raw);
            return true;
        } catch (InvalidPathException invalid) {
            return false;
        }
    }

    @Override
    public Enricher create(PluginConfig config) {
        String path = config.option("downward-api-path").trim();
        return new KubernetesEnricher(Path.of(isPath(path) ? path : "/etc/podinfo"));
    }
}
