package dev.fapilog.redact;

import dev.fapilog.spi.OptionProblem;
import dev.fapilog.spi.PluginConfig;
import dev.fapilog.spi.PluginOption;
import dev.fapilog.spi.Redactor;
import dev.fapilog.spi.RedactorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code regex-mask}: masks fields whose dotted key path matches a pattern of {@code redaction.patterns} or of the
 * compliance presets. Patterns that could backtrack catastrophically are refused unless
 * {@code redaction.allow-unsafe-patterns} is true.
 */
public final class RegexMaskRedactorProvider implements RedactorProvider {

    @Override
    public String name() {
        return "regex-mask";
    }

    @Override
    public List<PluginOption> options() {
        return List.of(
                PluginOption.list("patterns", "none", "Java regular expressions over dotted key paths", v -> true),
                PluginOption.bool("allow-unsafe-patterns", "false"));
    }

    @Override
    public String neededBecause(PluginConfig config) {
        return RedactionContext.reasons(
                !RedactionContext.of(config).presetPatterns().isEmpty(),
                !config.list("patterns").isEmpty(),
                "patterns");
    }

    @Override
    public Redactor create(PluginConfig config) {
        RedactionContext r = RedactionContext.of(config);
        List<String> patterns = new ArrayList<>(r.presetPatterns());
        patterns.addAll(config.list("patterns"));
        boolean allowUnsafe = config.bool("allow-unsafe-patterns");
        List<Pattern> compiled = new ArrayList<>();
        for (String p : patterns) {
            String unsafe = allowUnsafe ? null : PatternSafety.problem(p);
            if (unsafe != null) {
                config.report(
                        OptionProblem.BAD_PATTERN,
                        "patterns",
                        p,
                        "a pattern that cannot backtrack catastrophically; this one has " + unsafe
                                + " (or set fapilog.redaction.allow-unsafe-patterns=true)");
                continue;
            }
            try {
                // DOTALL: key paths are data, and a key with a line break must not hide what lies under it (found by
                // RedactionFuzzTest: a key "x\n" above an "Authorization" key escaped .*auth.*).
                compiled.add(Pattern.compile(p, Pattern.DOTALL));
            } catch (PatternSyntaxException bad) {
                config.report(
                        OptionProblem.BAD_PATTERN,
                        "patterns",
                        p,
                        "a Java regular expression over dotted key paths: " + bad.getDescription());
            }
        }
        return new RegexMaskRedactor(compiled, r.mask(), r.guardrails());
    }
}
