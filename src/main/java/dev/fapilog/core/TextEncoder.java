package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.config.ValueLimits;
import dev.fapilog.spi.Section;
import dev.fapilog.spi.SinkFormat;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The human-readable line of {@code stdout-pretty}:
 *
 * <pre>2026-11-23 10:15:30.123 INFO     orders | Processing request | user_id=123 amount=9.5 request_id=r-1</pre>
 *
 * Local time with milliseconds, the level padded to 8, the logger, the message, then the fields ({@code context}
 * ids, {@code data}, and from {@code diagnostics} only the exception, as type, message and first frame). Nested maps
 * are flattened with dots. Every string goes through the JSON escaper, so control characters, ANSI sequences, bidi
 * overrides and zero-width characters from the data appear as visible escapes, never as effects; values containing
 * spaces, quotes or {@code =} are quoted. The only escape sequences written raw are the level colours of
 * {@link SinkFormat#TEXT_ANSI}.
 */
final class TextEncoder implements EventEncoder {
    private static final String RESET = "\u001b[0m";

    private final SinkFormat format;
    private final ValueLimits limits;
    private final ZoneId zone = ZoneId.systemDefault();
    private final SecondText seconds = new SecondText(' ');
    private ZoneOffset offset = ZoneOffset.UTC;
    private long offsetFrom;
    private long offsetValidUntil = Long.MIN_VALUE;

    public TextEncoder(SinkFormat format, ValueLimits limits) {
        this.format = format;
        this.limits = limits;
    }

    @Override
    public SinkFormat format() {
        return format;
    }

    @Override
    public void encode(WorkingEvent e, ByteBuf out) {
        head(e, out);
        boolean first = true;
        first = fields(e, Section.CONTEXT, out, first);
        first = fields(e, Section.DATA, out, first);
        ThrowableSnapshot error = e.error();
        if (error != null) {
            separator(out, first);
            out.putAscii("error=");
            text(out, error.type() + (error.message() == null ? "" : ": " + error.message()), true);
            if (!error.frames().isEmpty()) {
                out.putAscii(" at=");
                text(out, error.frames().get(0).toString(), true);
            }
        }
        out.put((byte) '\n');
    }

    @Override
    public void encodeFallback(WorkingEvent e, String problem, ByteBuf out) {
        head(e, out);
        out.putAscii(" | encoding_error=");
        text(out, problem, true);
        out.put((byte) '\n');
    }

    private void head(WorkingEvent e, ByteBuf out) {
        time(out, e.epochSecond(), e.nanoOfSecond());
        out.put((byte) ' ');
        String level = e.level().name();
        String color = format == SinkFormat.TEXT_ANSI ? color(e.level()) : null;
        if (color != null) {
            out.putAscii(color);
        }
        JsonWriter.chars(out, level, 0, level.length());
        if (color != null) {
            out.putAscii(RESET);
        }
        for (int i = level.length(); i < 8; i++) {
            out.put((byte) ' ');
        }
        out.put((byte) ' ');
        text(out, e.logger(), false);
        out.putAscii(" | ");
        String message = e.message();
        int max = limits.maxStringLength();
        JsonWriter.chars(out, message, 0, Math.min(message.length(), max));
    }

    private boolean fields(WorkingEvent e, Section section, ByteBuf out, boolean first) {
        int n = e.size(section);
        for (int i = 0; i < n; i++) {
            String key = e.key(section, i);
            Object value = e.rawValue(section, i);
            if (WorkingEvent.isMessageId(value) || (key.equals("correlation_id") && redundantCorrelation(e, value))) {
                continue;
            }
            first = pair(out, key, value, first, 0);
        }
        return first;
    }

    /** A correlation id that is empty, or only repeats the request id, adds nothing for a reader. */
    private static boolean redundantCorrelation(WorkingEvent e, Object value) {
        return value == null || value.equals(e.get(Section.CONTEXT, "request_id"));
    }

    private boolean pair(ByteBuf out, String key, Object value, boolean first, int depth) {
        if (value instanceof Map<?, ?> && depth < limits.maxDepth()) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                first = pair(out, key + "." + entry.getKey(), entry.getValue(), first, depth + 1);
            }
            return first;
        }
        separator(out, first);
        text(out, key, false);
        out.put((byte) '=');
        if (value instanceof List<?>) {
            text(out, render(value), true);
        } else if (value instanceof ThrowableSnapshot) {
            ThrowableSnapshot t = (ThrowableSnapshot) value;
            text(out, t.type() + (t.message() == null ? "" : ": " + t.message()), true);
        } else if (value instanceof CapturedBytes) {
            text(out, value.toString(), false);
        } else {
            text(out, value == null ? "null" : render(value), true);
        }
        return false;
    }

    private String render(Object value) {
        return value instanceof String ? (String) value : SafeText.of(value, limits);
    }

    private static void separator(ByteBuf out, boolean first) {
        out.putAscii(first ? " | " : " ");
    }

    /** Escaped text, quoted when it is empty or holds a space, quote or '='. */
    private void text(ByteBuf out, String s, boolean quoteIfNeeded) {
        int n = Math.min(s.length(), limits.maxStringLength());
        boolean quote = quoteIfNeeded && (s.isEmpty() || needsQuotes(s, n));
        if (quote) {
            out.put((byte) '"');
        }
        JsonWriter.chars(out, s, 0, n);
        if (quote) {
            out.put((byte) '"');
        }
    }

    private static boolean needsQuotes(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '"' || c == '=' || c == '|') {
                return true;
            }
        }
        return false;
    }

    private void time(ByteBuf out, long epochSecond, int nano) {
        if (epochSecond < offsetFrom || epochSecond >= offsetValidUntil) {
            // The zone's offset is looked up at most once a minute (it changes at DST transitions only).
            offset = zone.getRules().getOffset(java.time.Instant.ofEpochSecond(epochSecond));
            offsetFrom = epochSecond - epochSecond % 60;
            offsetValidUntil = offsetFrom + 60;
        }
        seconds.write(out, epochSecond, offset);
        out.put((byte) '.');
        out.putPadded(nano / 1_000_000, 3);
    }

    private static String color(Level level) {
        int p = level.priority();
        if (p >= Level.AUDIT.priority()) {
            return "\u001b[35m"; // magenta: audit and security
        }
        if (p >= Level.CRITICAL.priority()) {
            return "\u001b[1;31m";
        }
        if (p >= Level.ERROR.priority()) {
            return "\u001b[31m";
        }
        if (p >= Level.WARNING.priority()) {
            return "\u001b[33m";
        }
        if (p >= Level.INFO.priority()) {
            return "\u001b[32m";
        }
        return "\u001b[2m"; // dim: debug and trace
    }
}
