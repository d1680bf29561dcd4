package dev.fapilog.redact;

import dev.fapilog.config.RedactionGuardrails;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.Section;
import java.util.List;
import java.util.Map;

/**
 * A redactor that rewrites strings wherever they are: the message (unless {@link #rewritesMessage()} says no), and every
 * string value of every section, nested
 * maps and lists included (within the {@link RedactionGuardrails}), the reserved ids excepted. Copies a map or list only when something in it
 * changed, so an event with nothing to redact allocates nothing. Subclasses say how one string is rewritten.
 */
abstract class StringValueRedactor extends GuardedRedactor {
    /** Cached: {@code Section.values()} copies its array on every call, and this runs for every event. */
    private static final Section[] SECTIONS = Section.values();

    StringValueRedactor(RedactionGuardrails guardrails, String mask) {
        super(guardrails, mask);
    }

    /** {@code s} rewritten, or {@code s} itself (the same instance) when nothing needs to change. */
    abstract String rewrite(String s);

    /** Whether the message is rewritten too. */
    boolean rewritesMessage() {
        return true;
    }

    @Override
    final void redactFields(MutableEvent event) {
        if (rewritesMessage()) {
            String message = event.message();
            String cleanMessage = rewrite(message);
            if (cleanMessage != message) {
                event.setMessage(cleanMessage);
            }
        }
        for (Section section : SECTIONS) {
            for (int i = 0; i < event.size(section); i++) {
                if (event.isReserved(section, i)) {
                    continue;
                }
                Object value = event.value(section, i);
                Object next = walk(value, 1);
                if (next != value) {
                    event.replace(section, i, next);
                }
            }
        }
    }

    private Object walk(Object value, int depth) {
        if (value instanceof String) {
            return rewrite((String) value);
        }
        Object stop = beyond(value, depth);
        if (stop != null) {
            return stop;
        }
        if (value instanceof Map<?, ?>) {
            return CopyOnWrite.map((Map<?, ?>) value, (key, child) -> walk(child, depth + 1));
        }
        if (value instanceof List<?>) {
            return CopyOnWrite.list((List<?>) value, (index, child) -> walk(child, depth + 1));
        }
        return value;
    }
}
