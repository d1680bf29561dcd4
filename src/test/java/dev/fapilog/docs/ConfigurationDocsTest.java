package dev.fapilog.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.config.PluginCatalog;
import dev.fapilog.config.PluginKind;
import dev.fapilog.config.ProblemCodes;
import dev.fapilog.config.SettingsResolver;
import dev.fapilog.spi.PluginProvider;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configuration reference cannot fall behind the code: every key and every error code must be in it. */
class ConfigurationDocsTest {

    @Test
    void everyKeyAndCodeIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/reference/configuration.md"));
        PluginCatalog catalog = PluginCatalog.load();
        Set<String> testOnly = new HashSet<>();
        for (PluginKind kind : PluginKind.values()) {
            List<String> listed = Files.readAllLines(Path.of("src/main/resources/META-INF/services/"
                    + kind.providerType().getName()));
            for (PluginProvider<?> p : catalog.providers(kind).values()) {
                if (!listed.contains(p.getClass().getName())) { // a provider of the tests, not of the library
                    p.options().forEach(o -> testOnly.add(kind.key(p.name(), o.key())));
                }
            }
        }
        for (String key : SettingsResolver.knownKeys(catalog)) {
            if (testOnly.contains(key)) {
                continue;
            }
            assertThat(doc)
                    .as("docs/reference/configuration.md documents fapilog.%s", key)
                    .contains("`fapilog." + key + "`");
        }
        for (Field f : ProblemCodes.class.getFields()) {
            assertThat(doc).contains("`" + f.get(null) + "`");
        }
    }
}
