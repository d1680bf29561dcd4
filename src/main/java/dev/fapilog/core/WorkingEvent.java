package dev.fapilog.core;

import dev.fapilog.Level;
import dev.fapilog.LogContext;
import dev.fapilog.config.ValueLimits;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.Section;
import java.util.UUID;

/**
 * The worker's mutable form of one event: the envelope's fields sorted into {@code context}, {@code diagnostics} and
 * {@code data}, which plug-ins may change and the encoders then write. One instance is reused for every event, so the
 * worker allocates nothing per event for it.
 *
 * <p>Routing: the keys {@code correlation_id}, {@code request_id}, {@code user_id}, {@code tenant_id},
 * {@code trace_id} and {@code span_id} go to {@code context}, everything else to {@code data}. Precedence for a key
 * given in several places: the call's fields, then the logger's bound fields, then {@link LogContext}. Within one call
 * the last occurrence of a key wins. Fields with a {@code null} or empty key are dropped and counted in
 * {@code data._invalid_keys}; an unpaired last argument is kept as {@code data._unpaired}; fields beyond the per-section
 * cap are counted in {@code _omitted_fields} of their section.
 */
final class WorkingEvent implements MutableEvent {

    /** Stands for the message id in the context section; the id itself is kept as two longs. */
    static final Object MESSAGE_ID = new Object() {
        @Override
        public String toString() {
            return "message_id";
        }
    };

    private long epochSecond;
    private int nanoOfSecond;
    private Level level;
    private String logger;
    private String message;
    private String thread;
    private String origin;
    private long idMsb;
    private long idLsb;
    private String idText; // made on demand, at most once per event
    private ThrowableSnapshot error;
    private int invalidKeys;
    private String dropReason;
    private Object captured;
    private boolean unredacted;

    private final FieldList context = new FieldList();
    private final FieldList diagnostics = new FieldList();
    private final FieldList data = new FieldList();
    private final ValueLimits limits;

    /** Measures {@link #encodedSize()}; made on first use, as few pipelines have a processor that asks. */
    private EnvelopeEncoder sizer;

    private ByteBuf sizeScratch;

    WorkingEvent(ValueLimits limits) {
        this.limits = limits;
    }

    /** Fills this object from a captured event captured at {@code epochNanos}; {@code msb/lsb} is the message id. */
    void load(LogEvent e, long epochNanos, long msb, long lsb) {
        context.clear();
        diagnostics.clear();
        data.clear();
        epochSecond = Math.floorDiv(epochNanos, 1_000_000_000L);
        nanoOfSecond = (int) Math.floorMod(epochNanos, 1_000_000_000L);
        level = e.level;
        logger = e.logger;
        message = e.message == null ? "" : e.message;
        thread = e.thread;
        origin = e.origin;
        idMsb = msb;
        idLsb = lsb;
        idText = null;
        error = e.error;
        invalidKeys = 0;
        dropReason = null;
        captured = e.captured;
        unredacted = e.unredacted;

        int max = limits.maxFields();
        context.put("message_id", MESSAGE_ID, max);
        LogContext.Snapshot ctx = e.context;
        Object correlation = ctx.get("correlation_id");
        context.put("correlation_id", idText(correlation != null ? correlation : ctx.get("request_id")), max);

        addPairs(e.fields, e.fieldCount, true);
        addPairs(e.bound, e.bound.length, false);
        for (int i = 0, n = ctx.size(); i < n; i++) {
            String key = ctx.key(i);
            if (!key.equals("correlation_id")) {
                sectionFor(key).putIfAbsent(key, ctx.value(i), max);
            }
        }

        diagnostics.put("origin", origin, max);
        diagnostics.put("thread", thread, max);
        if (error != null) {
            diagnostics.put("exception", error, max);
        }
        if (invalidKeys > 0) {
            data.put("_invalid_keys", invalidKeys, max);
        }
        if (unredacted) {
            diagnostics.put("unredacted", Boolean.TRUE, max);
        }
    }

    private void addPairs(Object[] kv, int count, boolean overwrite) {
        int max = limits.maxFields();
        int pairs = count & ~1;
        for (int i = 0; i < pairs; i += 2) {
            Object k = kv[i];
            if (!(k instanceof String) || ((String) k).isEmpty()) {
                invalidKeys++;
                continue;
            }
            String key = (String) k;
            if (key.equals("correlation_id")) {
                // The slot always exists and holds a string or null. A bound correlation id fills it only when the
                // request left it empty; one given to the call always wins.
                if (overwrite || context.get(key) == null) {
                    context.put(key, idText(kv[i + 1]), max);
                }
                continue;
            }
            FieldList section = sectionFor(key);
            if (overwrite) {
                section.put(key, kv[i + 1], max);
            } else {
                section.putIfAbsent(key, kv[i + 1], max);
            }
        }
        if (count != pairs) {
            data.putIfAbsent("_unpaired", kv[count - 1], max);
        }
    }

    /** Correlation ids are always strings in the envelope (a UUID or number is written as its text). */
    private Object idText(Object id) {
        return id == null || id instanceof String ? id : SafeText.of(id, limits);
    }

    private FieldList sectionFor(String key) {
        switch (key) {
            case "correlation_id":
            case "request_id":
            case "user_id":
            case "tenant_id":
            case "trace_id":
            case "span_id":
                return context;
            default:
                return data;
        }
    }

    FieldList fields(Section section) {
        switch (section) {
            case CONTEXT:
                return context;
            case DIAGNOSTICS:
                return diagnostics;
            default:
                return data;
        }
    }

    /** High bits of the message id (for encoders, which write it without making a string). */
    public long idMostSignificantBits() {
        return idMsb;
    }

    /** Low bits of the message id. */
    public long idLeastSignificantBits() {
        return idLsb;
    }

    /**
     * The stored value at {@code index}, without turning the message-id placeholder into a string (for encoders; test
     * it with {@link #isMessageId}).
     */
    public Object rawValue(Section section, int index) {
        return fields(section).value(index);
    }

    /** Whether a raw value is the placeholder of the message id. */
    public static boolean isMessageId(Object rawValue) {
        return rawValue == MESSAGE_ID;
    }

    /** Fields refused in a section because it reached {@code encoder.max-fields}. */
    public int omittedFields(Section section) {
        return fields(section).omitted();
    }

    /** Which API the event came through ({@code native}, {@code jul}, {@code slf4j}, {@code system-logger}). */
    String origin() {
        return origin;
    }

    /** The event's exception as captured, or {@code null}. */
    public ThrowableSnapshot error() {
        return error;
    }

    /** The message id as a string (made on the first call for this event). */
    public String messageId() {
        String id = idText;
        if (id == null) {
            id = idText = new UUID(idMsb, idLsb).toString();
        }
        return id;
    }

    /**
     * Whether the field at {@code index} is one plug-ins cannot change ({@code context.message_id} and
     * {@code context.correlation_id}): redactors skip them, which also spares the message id's string.
     */
    public boolean isReserved(Section section, int index) {
        return isReserved(section, fields(section).key(index));
    }

    // ---- EventView

    @Override
    public Level level() {
        return level;
    }

    @Override
    public String logger() {
        return logger;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public long epochSecond() {
        return epochSecond;
    }

    @Override
    public int nanoOfSecond() {
        return nanoOfSecond;
    }

    @Override
    public String threadName() {
        return thread;
    }

    @Override
    public boolean hasException() {
        return error != null;
    }

    @Override
    public int size(Section section) {
        return fields(section).size();
    }

    @Override
    public String key(Section section, int index) {
        return fields(section).key(index);
    }

    @Override
    public Object value(Section section, int index) {
        return external(fields(section).value(index));
    }

    @Override
    public Object get(Section section, String key) {
        return external(fields(section).get(key));
    }

    @Override
    public boolean contains(Section section, String key) {
        return fields(section).indexOf(key) >= 0;
    }

    private Object external(Object v) {
        return v == MESSAGE_ID ? messageId() : v;
    }

    // ---- MutableEvent

    @Override
    public void put(Section section, String key, Object value) {
        if (key == null || key.isEmpty() || isReserved(section, key)) {
            return;
        }
        fields(section).put(key, value, limits.maxFields());
    }

    @Override
    public void remove(Section section, String key) {
        if (key != null && !isReserved(section, key)) {
            fields(section).remove(key);
        }
    }

    @Override
    public void replace(Section section, int index, Object value) {
        FieldList f = fields(section);
        if (index >= 0 && index < f.size() && !isReserved(section, f.key(index))) {
            f.set(index, value);
        }
    }

    @Override
    public void setMessage(String message) {
        this.message = message == null ? "" : message;
    }

    @Override
    public void drop(String reason) {
        if (dropReason == null) {
            dropReason = reason == null || reason.isBlank() ? "plugin" : reason;
        }
    }

    @Override
    public Object captured() {
        return captured;
    }

    @Override
    public boolean isUnredacted() {
        return unredacted;
    }

    /** Why a plug-in dropped the event, or {@code null} while it goes on. */
    String dropReason() {
        return dropReason;
    }

    private static boolean isReserved(Section section, String key) {
        return section == Section.CONTEXT && (key.equals("message_id") || key.equals("correlation_id"));
    }

    @Override
    public int encodedSize() {
        if (sizer == null) {
            sizer = new EnvelopeEncoder(limits);
            sizeScratch = new ByteBuf(4096);
        }
        sizeScratch.reset();
        try {
            sizer.encode(this, sizeScratch);
            return sizeScratch.length();
        } catch (RuntimeException unencodable) {
            return Integer.MAX_VALUE;
        } finally {
            sizeScratch.shrink(1 << 20); // an outsized event must not pin its buffer
        }
    }
}
