package dev.fapilog.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fapilog.config.ProblemCodes;
import dev.fapilog.config.SettingsResolver;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration reference cannot fall behind the code: every key and every error code must be in it. */
class ConfigurationDocsTest {

    @Test
    void everyKeyAndCodeIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("docs/reference/configuration.md"));
        for (String key : SettingsResolver.knownKeys(dev.fapilog.config.PluginCatalog.load())) {
            assertThat(doc)
                    .as("docs/reference/configuration.md documents fapilog.%s", key)
                    .contains("`fapilog." + key + "`");
        }
        for (Field f : ProblemCodes.class.getFields()) {
            assertThat(doc).contains("`" + f.get(null) + "`");
        }
    }
}
