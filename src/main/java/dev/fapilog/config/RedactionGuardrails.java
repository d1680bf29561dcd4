package dev.fapilog.config;

/**
 * How far the built-in redactors look into one event, and what happens to what lies beyond. The limits bound the
 * worker's cost for hostile input (a 10,000-element list, a 500-level map); the action decides whether what was not
 * scanned may still be written.
 *
 * @param maxDepth nesting levels of maps and lists scanned below a top-level field ({@code redaction.max-depth})
 * @param maxKeysScanned map entries and list elements one redactor visits per event
 *     ({@code redaction.max-keys-scanned})
 * @param onExceeded what happens to the part not scanned ({@code redaction.on-guardrail-exceeded})
 */
public record RedactionGuardrails(int maxDepth, int maxKeysScanned, Action onExceeded) {

    /** The limits used when none are configured. */
    public static final RedactionGuardrails DEFAULTS = new RedactionGuardrails(16, 5_000, Action.REPLACE_SUBTREE);

    /** What happens to the part of an event a redactor did not scan. */
    public enum Action {
        /** The unscanned map or list is replaced by the mask: nothing unscanned is written (the default). */
        REPLACE_SUBTREE,
        /** The unscanned part is written as it is, and the redactor reports it on the diagnostics channel. */
        WARN,
        /** The whole event is dropped, counted as {@code dropped(redaction_guardrail)}, and reported. */
        DROP
    }
}
