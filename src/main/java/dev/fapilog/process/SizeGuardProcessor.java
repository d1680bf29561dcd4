package dev.fapilog.process;

import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.PluginContext;
import dev.fapilog.spi.Processor;
import dev.fapilog.spi.Section;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code size-guard}: keeps each event's JSON line within {@code maxBytes}. The event is measured by encoding it (so
 * the limit is exact, at the cost of a second encoding per event, which is why this processor is not on by default).
 * Above the limit:
 *
 * <ul>
 *   <li>{@code truncate} (default): the message is cut, then the largest {@code data} fields not in
 *       {@code preserveFields} are removed until the line fits; {@code data._truncated=true} and
 *       {@code data._original_size} say so. If the preserved fields alone are too large, it falls back to {@code drop}.
 *   <li>{@code drop}: the fields and the exception are replaced by {@code data._dropped=true},
 *       {@code data._reason=payload_size_exceeded} and {@code data._original_size}; the event is still written, with
 *       its time, level, logger, ids and the start of its message.
 *   <li>{@code warn}: the event is written as it is, and the diagnostics channel says so.
 * </ul>
 *
 * Each case is reported on the diagnostics channel (rate-limited). Worker thread only.
 */
final class SizeGuardProcessor implements Processor {
    /** What remains of the message when the whole event must shrink. */
    private static final int MESSAGE_KEPT = 1024;

    /** What happens above the limit. */
    public enum Action {
        TRUNCATE,
        DROP,
        WARN
    }

    private final int maxBytes;
    private final Action action;
    private final Set<String> preserve;
    private Diagnostics diagnostics;

    /**
     * @param maxBytes largest line in bytes, at least 1024
     * @param action what happens above it
     * @param preserveFields {@code data} fields truncation never removes
     */
    public SizeGuardProcessor(int maxBytes, Action action, List<String> preserveFields) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.action = action;
        this.preserve = Set.copyOf(preserveFields);
    }

    @Override
    public String name() {
        return "size-guard";
    }

    @Override
    public void start(PluginContext context) {
        diagnostics = context.diagnostics();
    }

    @Override
    public boolean process(MutableEvent event) {
        MutableEvent e = event;
        int size = e.encodedSize();
        if (size <= maxBytes) {
            return true;
        }
        if (action == Action.WARN) {
            report("size_exceeded", "An event is larger than size-guard's max-bytes; written as it is", size);
        } else if (action == Action.TRUNCATE && truncate(e, size)) {
            report("truncated", "An event larger than size-guard's max-bytes was truncated", size);
        } else {
            replaceWithMarker(e, size);
            report("dropped", "An event larger than size-guard's max-bytes was replaced by a marker", size);
        }
        return true;
    }

    /** {@code true} when the event now fits. */
    private boolean truncate(MutableEvent e, int originalSize) {
        shortenMessage(e);
        e.put(Section.DATA, "_truncated", Boolean.TRUE);
        e.put(Section.DATA, "_original_size", originalSize);
        int size = e.encodedSize();
        if (size <= maxBytes) {
            return true;
        }
        // Largest first, by estimate; then one exact measure.
        List<Object[]> candidates = new ArrayList<>();
        for (int i = 0; i < e.size(Section.DATA); i++) {
            String key = e.key(Section.DATA, i);
            if (!preserve.contains(key) && !key.equals("_truncated") && !key.equals("_original_size")) {
                candidates.add(new Object[] {key, estimate(e.value(Section.DATA, i), 0)});
            }
        }
        candidates.sort((a, b) -> Long.compare((Long) b[1], (Long) a[1]));
        long over = size - (long) maxBytes;
        Set<String> removed = new HashSet<>();
        for (Object[] c : candidates) {
            if (over <= 0) {
                break;
            }
            e.remove(Section.DATA, (String) c[0]);
            removed.add((String) c[0]);
            over -= (Long) c[1];
        }
        if (e.encodedSize() <= maxBytes) {
            return true;
        }
        for (Object[] c : candidates) {
            if (!removed.contains(c[0])) {
                e.remove(Section.DATA, (String) c[0]);
            }
        }
        e.remove(Section.DIAGNOSTICS, "exception");
        return e.encodedSize() <= maxBytes;
    }

    private void replaceWithMarker(MutableEvent e, int originalSize) {
        for (int i = e.size(Section.DATA) - 1; i >= 0; i--) {
            e.remove(Section.DATA, e.key(Section.DATA, i));
        }
        e.remove(Section.DIAGNOSTICS, "exception");
        shortenMessage(e);
        e.put(Section.DATA, "_dropped", Boolean.TRUE);
        e.put(Section.DATA, "_reason", "payload_size_exceeded");
        e.put(Section.DATA, "_original_size", originalSize);
    }

    /** Keeps the first {@value #MESSAGE_KEPT} characters of the message, never splitting a surrogate pair. */
    private static void shortenMessage(MutableEvent e) {
        String m = e.message();
        if (m.length() > MESSAGE_KEPT) {
            int cut = Character.isHighSurrogate(m.charAt(MESSAGE_KEPT - 1)) ? MESSAGE_KEPT - 1 : MESSAGE_KEPT;
            e.setMessage(m.substring(0, cut) + "[truncated]");
        }
    }

    /** About how many bytes a value takes in JSON; only used to order the fields to remove. */
    private static long estimate(Object v, int depth) {
        if (v instanceof CharSequence) {
            return ((CharSequence) v).length() + 2L;
        }
        if (depth > 16) {
            return 16;
        }
        if (v instanceof Map<?, ?>) {
            long n = 2;
            for (Map.Entry<?, ?> x : ((Map<?, ?>) v).entrySet()) {
                n += String.valueOf(x.getKey()).length() + 4L + estimate(x.getValue(), depth + 1);
            }
            return n;
        }
        if (v instanceof Collection<?>) {
            long n = 2;
            for (Object x : (Collection<?>) v) {
                n += 1 + estimate(x, depth + 1);
            }
            return n;
        }
        return 16;
    }

    private void report(String key, String message, int size) {
        if (diagnostics != null) {
            diagnostics.warn("processor", key, message, "size", size, "max_bytes", maxBytes);
        }
    }
}
