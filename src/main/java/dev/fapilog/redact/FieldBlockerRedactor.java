package dev.fapilog.redact;

import dev.fapilog.config.RedactionGuardrails;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.Section;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code field-blocker}: replaces the whole value of every field whose name (case-insensitive) is on the blocklist,
 * at any depth of {@code data}, with {@value #MARKER}: raw bodies, payloads and dumps carry whatever the caller had,
 * so they are never written. Names on the allowlist are exempt. Copies a map or list only when something in it is
 * blocked.
 *
 * <p>Logging a blocked field is a policy violation worth knowing about: each event with one reports
 * {@code policy_violation} on the diagnostics channel (rate-limited like every diagnostic) with the event's logger,
 * the first blocked name and how many were blocked, never the value.
 */
final class FieldBlockerRedactor extends GuardedRedactor {
    /** What a blocked value becomes. */
    public static final String MARKER = "[REDACTED:HIGH_RISK_FIELD]";

    private final Set<String> blocked;
    /** Per event, worker thread only: what was blocked, for the policy-violation report. */
    private String firstBlocked;

    private int blockedCount;

    /**
     * @param blocked key names to block (compared case-insensitively)
     * @param allowed key names never blocked, even when also listed in {@code blocked}
     */
    public FieldBlockerRedactor(List<String> blocked, List<String> allowed) {
        this(blocked, allowed, RedactionGuardrails.DEFAULTS, "***");
    }

    /** @param mask what a subtree beyond the guardrails becomes with {@code replace-subtree} */
    public FieldBlockerRedactor(
            List<String> blocked, List<String> allowed, RedactionGuardrails guardrails, String mask) {
        super(guardrails, mask);
        Set<String> b = new java.util.HashSet<>();
        blocked.forEach(n -> b.add(n.toLowerCase(Locale.ROOT)));
        allowed.forEach(n -> b.remove(n.toLowerCase(Locale.ROOT)));
        this.blocked = Set.copyOf(b);
    }

    @Override
    public String name() {
        return "field-blocker";
    }

    @Override
    void redactFields(MutableEvent event) {
        if (blocked.isEmpty()) {
            return;
        }
        firstBlocked = null;
        blockedCount = 0;
        for (int i = 0; i < event.size(Section.DATA); i++) {
            Object value = event.value(Section.DATA, i);
            Object next = blockCounted(event.key(Section.DATA, i)) ? MARKER : walk(value, 1);
            if (next != value) {
                event.replace(Section.DATA, i, next);
            }
        }
        if (blockedCount > 0 && diagnostics() != null) {
            diagnostics()
                    .warn(
                            "redactor",
                            "policy_violation",
                            "A field on the blocklist was logged; its value was replaced by " + MARKER,
                            "redactor",
                            name(),
                            "event_logger",
                            event.logger(),
                            "field",
                            firstBlocked,
                            "blocked_in_event",
                            blockedCount);
        }
    }

    /** Whether {@code key} is blocked; a blocked key is counted for the policy-violation report. */
    private boolean blockCounted(Object key) {
        if (key == null || !blocked.contains(key.toString().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (blockedCount++ == 0) {
            firstBlocked = key.toString();
        }
        return true;
    }

    private Object walk(Object value, int depth) {
        Object stop = beyond(value, depth);
        if (stop != null) {
            return stop;
        }
        if (value instanceof Map<?, ?>) {
            return CopyOnWrite.map(
                    (Map<?, ?>) value, (key, child) -> blockCounted(key) ? MARKER : walk(child, depth + 1));
        }
        if (value instanceof List<?>) {
            return CopyOnWrite.list((List<?>) value, (index, child) -> walk(child, depth + 1));
        }
        return value;
    }
}
