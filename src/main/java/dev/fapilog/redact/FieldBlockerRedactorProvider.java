package dev.fapilog.redact;

import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.RedactorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code field-blocker}: replaces fields with high-risk names ({@code redaction.blocked-fields}) at any depth. */
public final class FieldBlockerRedactorProvider implements RedactorProvider {

    @Override
    public String name() {
        return "field-blocker";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.list(
                        "blocked-fields",
                        "body,request_body,response_body,payload,raw,dump,raw_body,raw_request,raw_response",
                        "key names",
                        v -> true),
                PluginOption.list("allowed-fields", "none", "key names", v -> true));
    }

    @Override
    public Redactor create(PluginConfig config) {
        RedactionContext r = RedactionContext.of(config);
        return new FieldBlockerRedactor(
                lowerCase(config.list("blocked-fields")),
                lowerCase(config.list("allowed-fields")),
                r.guardrails(),
                r.mask());
    }

    private static List<String> lowerCase(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }
}
