package dev.fapilog.redact;

import dev.fapilog.spi.OptionProblem;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.RedactorProvider;
import java.util.ArrayList;
import java.util.List;

/** {@code field-mask}: masks the fields of {@code redaction.fields} and of the compliance presets' field names. */
public final class FieldMaskRedactorProvider implements RedactorProvider {

    @Override
    public String name() {
        return "field-mask";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(PluginOption.list("fields", "none", "dotted field paths", v -> true));
    }

    @Override
    public String neededBecause(PluginConfig config) {
        return RedactionContext.reasons(
                !RedactionContext.of(config).presetFields().isEmpty(),
                !config.list("fields").isEmpty(),
                "fields");
    }

    @Override
    public Redactor create(PluginConfig config) {
        RedactionContext r = RedactionContext.of(config);
        List<String> fields = new ArrayList<>(r.presetFields());
        fields.addAll(config.list("fields"));
        try {
            return new FieldMaskRedactor(fields, r.mask(), r.guardrails());
        } catch (IllegalArgumentException bad) {
            config.report(
                    OptionProblem.INVALID,
                    "fields",
                    String.join(",", fields),
                    "dotted field paths such as data.password or data.users[*].ssn: " + bad.getMessage());
            return new FieldMaskRedactor(List.of(), r.mask(), r.guardrails());
        }
    }
}
