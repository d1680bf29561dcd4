package dev.fapilog.redact;

import dev.fapilog.config.RedactionGuardrails;
import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.PluginContext;
import dev.fapilog.spi.Redactor;
import java.util.List;
import java.util.Map;

/**
 * A redactor that walks nested maps and lists within the {@link RedactionGuardrails}: at most {@code maxDepth} levels
 * and {@code maxKeysScanned} entries per event. What lies beyond is masked whole, written with a warning, or gets the
 * event dropped, as the guardrails say. Subclasses call {@link #beyond} before descending into a container.
 *
 * <p>Worker thread only: the scan counter is a plain field, reset for every event.
 */
abstract class GuardedRedactor implements Redactor {
    static final String DROP_REASON = "redaction_guardrail";

    private final RedactionGuardrails guardrails;
    private final String mask;
    private Diagnostics diagnostics;
    private int scanned;
    private boolean exceeded;

    GuardedRedactor(RedactionGuardrails guardrails, String mask) {
        this.guardrails = guardrails;
        this.mask = mask;
    }

    @Override
    public void start(PluginContext context) {
        diagnostics = context.diagnostics();
    }

    @Override
    public final void redact(MutableEvent event) {
        scanned = 0;
        exceeded = false;
        redactFields(event);
        if (!exceeded) {
            return;
        }
        RedactionGuardrails.Action action = guardrails.onExceeded();
        if (action == RedactionGuardrails.Action.DROP) {
            event.drop(DROP_REASON);
        }
        if (action != RedactionGuardrails.Action.REPLACE_SUBTREE && diagnostics != null) {
            diagnostics.warn(
                    "redactor",
                    "guardrail_exceeded",
                    action == RedactionGuardrails.Action.DROP
                            ? "An event was too deep or too large to scan; it was dropped"
                            : "An event was too deep or too large to scan; the rest was written unscanned",
                    "redactor",
                    name(),
                    "max_depth",
                    guardrails.maxDepth(),
                    "max_keys_scanned",
                    guardrails.maxKeysScanned());
        }
    }

    /** The runtime's diagnostics channel, or {@code null} before {@link #start}. */
    final Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Redacts one event; called with the scan counter reset. */
    abstract void redactFields(MutableEvent event);

    /**
     * Whether a value at {@code depth} (1 = a top-level field's value) may be scanned. For a map or list it returns
     * {@code null} when it may (and counts its entries), or what it becomes when it may not: the mask
     * ({@code replace-subtree}) or the value itself ({@code warn}, {@code drop}). Other values always give {@code null}.
     */
    final Object beyond(Object value, int depth) {
        int size;
        if (value instanceof Map<?, ?>) {
            size = ((Map<?, ?>) value).size();
        } else if (value instanceof List<?>) {
            size = ((List<?>) value).size();
        } else {
            return null;
        }
        if (depth <= guardrails.maxDepth() && scanned + size <= guardrails.maxKeysScanned()) {
            scanned += size;
            return null;
        }
        exceeded = true;
        return guardrails.onExceeded() == RedactionGuardrails.Action.REPLACE_SUBTREE ? mask : value;
    }
}
