package dev.fapilog.core;

import dev.fapilog.config.ValueLimits;
import dev.fapilog.spi.Section;
import dev.fapilog.spi.SinkFormat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the canonical envelope, schema 1.1, one JSON object per line:
 *
 * <pre>{"schema_version":"1.1","log":{"timestamp":"...Z","level":"INFO","message":"...","logger":"...",
 * "context":{"message_id":"...","correlation_id":null,...},"diagnostics":{"origin":"native",...},"data":{...}}}</pre>
 *
 * <p>Value rules: numbers as JSON numbers (NaN and the infinities as strings, integers of more than 1,000 digits as a
 * marker string), {@code java.time} values, UUIDs, enums and characters as strings, {@code byte[]} as base64, maps and
 * records as objects, collections and arrays as arrays, exceptions as objects; strings, depth, entries and fields are
 * capped with visible markers (see {@link Markers}). Values added by plug-ins that are not of these types are written
 * with a guarded, capped {@code toString()}. Worker thread only; reuses its state from event to event.
 */
final class EnvelopeEncoder implements EventEncoder {

    /** The schema version written in every line. */
    public static final String SCHEMA_VERSION = "1.1";

    /** Where the JSON Schema of the envelope lives in the jar. */
    public static final String SCHEMA_RESOURCE = "/dev/fapilog/json/envelope-v1.1.schema.json";

    private static final int MAX_KEY_CHARS = 1_024;
    private static final int MAX_NUMBER_DIGITS = 1_000;
    private static final int FALLBACK_MESSAGE_CHARS = 1_024;

    private final ValueLimits limits;
    private final UtcTimestamp timestamp = new UtcTimestamp();
    private final int keyChars;
    private final StringBuilder numberText = new StringBuilder(32);

    public EnvelopeEncoder(ValueLimits limits) {
        this.limits = limits;
        this.keyChars = Math.min(MAX_KEY_CHARS, limits.maxStringLength());
    }

    @Override
    public SinkFormat format() {
        return SinkFormat.JSON;
    }

    @Override
    public void encode(WorkingEvent e, ByteBuf out) {
        head(e, out, limits.maxStringLength());
        section(e, Section.CONTEXT, out);
        out.put((byte) ',');
        JsonWriter.plainKey(out, "diagnostics");
        section(e, Section.DIAGNOSTICS, out);
        out.put((byte) ',');
        JsonWriter.plainKey(out, "data");
        section(e, Section.DATA, out);
        out.put((byte) '}', (byte) '}');
        out.put((byte) '\n');
    }

    @Override
    public void encodeFallback(WorkingEvent e, String problem, ByteBuf out) {
        head(e, out, FALLBACK_MESSAGE_CHARS);
        out.put((byte) '{');
        JsonWriter.plainKey(out, "message_id");
        JsonWriter.uuid(out, e.idMostSignificantBits(), e.idLeastSignificantBits());
        out.put((byte) ',');
        JsonWriter.plainKey(out, "correlation_id");
        Object correlation = e.get(Section.CONTEXT, "correlation_id");
        if (correlation instanceof String) {
            JsonWriter.string(out, (String) correlation, 256);
        } else {
            JsonWriter.nullValue(out);
        }
        out.put((byte) '}', (byte) ',');
        JsonWriter.plainKey(out, "diagnostics");
        out.put((byte) '{');
        JsonWriter.plainKey(out, "origin");
        JsonWriter.plainString(out, e.origin());
        out.put((byte) ',');
        JsonWriter.plainKey(out, "encoding_error");
        JsonWriter.string(out, problem, 1_024);
        out.put((byte) '}', (byte) ',');
        JsonWriter.plainKey(out, "data");
        out.put((byte) '{');
        JsonWriter.plainKey(out, "_truncated");
        JsonWriter.bool(out, true);
        out.put((byte) '}');
        out.put((byte) '}', (byte) '}');
        out.put((byte) '\n');
    }

    /** Everything up to and including {@code "context":}. */
    private void head(WorkingEvent e, ByteBuf out, int messageChars) {
        out.putAscii("{\"schema_version\":\"" + SCHEMA_VERSION + "\",\"log\":{\"timestamp\":");
        timestamp.write(out, e.epochSecond(), e.nanoOfSecond());
        out.put((byte) ',');
        JsonWriter.plainKey(out, "level");
        JsonWriter.string(out, e.level().name(), 64);
        out.put((byte) ',');
        JsonWriter.plainKey(out, "message");
        JsonWriter.string(out, e.message(), messageChars);
        out.put((byte) ',');
        JsonWriter.plainKey(out, "logger");
        JsonWriter.string(out, e.logger(), keyChars);
        out.put((byte) ',');
        JsonWriter.plainKey(out, "context");
    }

    private void section(WorkingEvent e, Section section, ByteBuf out) {
        out.put((byte) '{');
        int n = e.size(section);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            JsonWriter.key(out, e.key(section, i), keyChars);
            Object raw = e.rawValue(section, i);
            if (WorkingEvent.isMessageId(raw)) {
                JsonWriter.uuid(out, e.idMostSignificantBits(), e.idLeastSignificantBits());
            } else {
                value(raw, out, 1, null);
            }
        }
        int omitted = e.omittedFields(section);
        if (omitted > 0) {
            if (n > 0) {
                out.put((byte) ',');
            }
            JsonWriter.plainKey(out, "_omitted_fields");
            out.putLong(omitted);
        }
        out.put((byte) '}');
    }

    private void value(Object v, ByteBuf out, int depth, IdentityHashMap<Object, Boolean> path) {
        if (v == null) {
            JsonWriter.nullValue(out);
        } else if (v instanceof String) {
            JsonWriter.string(out, (String) v, limits.maxStringLength());
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.putLong(((Number) v).longValue());
        } else if (v instanceof Double) {
            JsonWriter.number(out, (double) (Double) v, numberText);
        } else if (v instanceof Float) {
            JsonWriter.number(out, (float) (Float) v, numberText);
        } else if (v instanceof Boolean) {
            JsonWriter.bool(out, (Boolean) v);
        } else if (v instanceof CapturedMap) {
            capturedMap((CapturedMap) v, out, depth, path);
        } else if (v instanceof CapturedList) {
            capturedList((CapturedList) v, out, depth, path);
        } else if (v instanceof ThrowableSnapshot) {
            throwable((ThrowableSnapshot) v, out, depth);
        } else if (v instanceof CapturedBytes) {
            bytes((CapturedBytes) v, out);
        } else if (v instanceof UUID) {
            JsonWriter.uuid(out, (UUID) v);
        } else if (v instanceof Enum<?>) {
            JsonWriter.string(out, ((Enum<?>) v).name(), keyChars);
        } else if (v instanceof Character) {
            JsonWriter.string(out, v.toString(), 2);
        } else if (v instanceof BigInteger) {
            bigInteger((BigInteger) v, out);
        } else if (v instanceof BigDecimal) {
            bigDecimal((BigDecimal) v, out);
        } else if (v instanceof Map<?, ?> || v instanceof Collection<?> || v instanceof Object[]) {
            foreign(v, out, depth, path);
        } else if (isJavaTime(v)) {
            JsonWriter.string(out, v.toString(), 128);
        } else {
            JsonWriter.string(out, SafeText.of(v, limits), limits.maxStringLength());
        }
    }

    private void capturedMap(CapturedMap m, ByteBuf out, int depth, IdentityHashMap<Object, Boolean> path) {
        if (depth > limits.maxDepth()) {
            JsonWriter.plainString(out, Markers.MAX_DEPTH);
            return;
        }
        out.put((byte) '{');
        int n = m.size();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            JsonWriter.key(out, m.keyAt(i), keyChars);
            value(m.valueAt(i), out, depth + 1, path);
        }
        if (m.omitted() > 0) {
            if (n > 0) {
                out.put((byte) ',');
            }
            JsonWriter.plainKey(out, "_omitted_entries");
            out.putLong(m.omitted());
        }
        out.put((byte) '}');
    }

    private void capturedList(CapturedList l, ByteBuf out, int depth, IdentityHashMap<Object, Boolean> path) {
        if (depth > limits.maxDepth()) {
            JsonWriter.plainString(out, Markers.MAX_DEPTH);
            return;
        }
        out.put((byte) '[');
        int n = l.size();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            value(l.get(i), out, depth + 1, path);
        }
        if (l.omitted() > 0) {
            if (n > 0) {
                out.put((byte) ',');
            }
            JsonWriter.string(out, "[" + l.omitted() + " more]", 64);
        }
        out.put((byte) ']');
    }

    /** Maps, collections and arrays put into the event by plug-ins: guarded against cycles and depth. */
    private void foreign(Object v, ByteBuf out, int depth, IdentityHashMap<Object, Boolean> path) {
        if (depth > limits.maxDepth()) {
            JsonWriter.plainString(out, Markers.MAX_DEPTH);
            return;
        }
        IdentityHashMap<Object, Boolean> seen = path == null ? new IdentityHashMap<>() : path;
        if (seen.put(v, Boolean.TRUE) != null) {
            JsonWriter.string(out, Markers.circular(v), 256);
            return;
        }
        int mark = out.length();
        try {
            if (v instanceof Map<?, ?>) {
                out.put((byte) '{');
                int i = 0;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    if (i >= limits.maxElements()) {
                        break;
                    }
                    if (i++ > 0) {
                        out.put((byte) ',');
                    }
                    JsonWriter.key(out, String.valueOf(e.getKey()), keyChars);
                    value(e.getValue(), out, depth + 1, seen);
                }
                out.put((byte) '}');
            } else {
                Iterable<?> items = v instanceof Object[] ? java.util.Arrays.asList((Object[]) v) : (Collection<?>) v;
                out.put((byte) '[');
                int i = 0;
                for (Object item : items) {
                    if (i >= limits.maxElements()) {
                        break;
                    }
                    if (i++ > 0) {
                        out.put((byte) ',');
                    }
                    value(item, out, depth + 1, seen);
                }
                out.put((byte) ']');
            }
        } catch (RuntimeException unreadable) {
            out.truncate(mark);
            JsonWriter.string(out, Markers.threw("reading", v.getClass(), unreadable), 256);
        } finally {
            seen.remove(v);
        }
    }

    private void throwable(ThrowableSnapshot t, ByteBuf out, int depth) {
        out.put((byte) '{');
        JsonWriter.plainKey(out, "type");
        JsonWriter.string(out, t.type(), keyChars);
        if (t.circular()) {
            out.put((byte) ',');
            JsonWriter.plainKey(out, "circular");
            JsonWriter.bool(out, true);
            out.put((byte) '}');
            return;
        }
        out.put((byte) ',');
        JsonWriter.plainKey(out, "message");
        if (t.message() == null) {
            JsonWriter.nullValue(out);
        } else {
            JsonWriter.string(out, t.message(), limits.maxStringLength());
        }
        out.put((byte) ',');
        JsonWriter.plainKey(out, "frames");
        out.put((byte) '[');
        for (int i = 0; i < t.frames().size(); i++) {
            if (i > 0) {
                out.put((byte) ',');
            }
            JsonWriter.string(out, t.frames().get(i).toString(), keyChars);
        }
        out.put((byte) ']');
        if (t.framesOmitted() > 0) {
            out.put((byte) ',');
            JsonWriter.plainKey(out, "frames_omitted");
            out.putLong(t.framesOmitted());
        }
        if (t.cause() != null) {
            out.put((byte) ',');
            JsonWriter.plainKey(out, "cause");
            throwable(t.cause(), out, depth + 1);
        }
        if (t.causesOmitted() > 0) {
            out.put((byte) ',');
            JsonWriter.plainKey(out, "causes_omitted");
            out.putLong(t.causesOmitted());
        }
        if (!t.suppressed().isEmpty()) {
            out.put((byte) ',');
            JsonWriter.plainKey(out, "suppressed");
            out.put((byte) '[');
            for (int i = 0; i < t.suppressed().size(); i++) {
                if (i > 0) {
                    out.put((byte) ',');
                }
                throwable(t.suppressed().get(i), out, depth + 1);
            }
            out.put((byte) ']');
        }
        if (t.suppressedOmitted() > 0) {
            out.put((byte) ',');
            JsonWriter.plainKey(out, "suppressed_omitted");
            out.putLong(t.suppressedOmitted());
        }
        out.put((byte) '}');
    }

    private void bytes(CapturedBytes b, ByteBuf out) {
        String base64 = Base64.getEncoder().encodeToString(b.bytes());
        String text = b.truncated() ? base64 + "…[truncated, " + b.originalLength() + " bytes]" : base64;
        JsonWriter.string(out, text, Integer.MAX_VALUE);
    }

    private void bigInteger(BigInteger v, ByteBuf out) {
        // bitLength * log10(2) estimates the digit count without the quadratic toString() of a huge number.
        long digits = (long) Math.ceil(v.bitLength() * 0.30103);
        if (digits > MAX_NUMBER_DIGITS) {
            JsonWriter.string(out, "[integer of about " + digits + " digits]", 64);
        } else {
            out.putAscii(v.toString());
        }
    }

    private void bigDecimal(BigDecimal v, ByteBuf out) {
        long digits = (long) Math.ceil(v.unscaledValue().bitLength() * 0.30103);
        if (digits > MAX_NUMBER_DIGITS || Math.abs((long) v.scale()) > MAX_NUMBER_DIGITS) {
            JsonWriter.string(out, "[decimal of about " + digits + " digits, scale " + v.scale() + "]", 96);
        } else {
            out.putAscii(v.toString());
        }
    }

    private static boolean isJavaTime(Object v) {
        Class<?> c = v.getClass();
        return c.getName().startsWith("java.time.") && c.getModule() == Object.class.getModule();
    }
}
