package dev.fapilog.core;

import dev.fapilog.spi.SinkFormat;

/**
 * Turns one {@link WorkingEvent} into one line of bytes for one {@link SinkFormat}. Called on the worker thread only;
 * implementations may keep reusable state.
 */
interface EventEncoder {

    /** The format this encoder produces. */
    SinkFormat format();

    /**
     * Appends the event's line, ending with {@code '\n'}, to {@code out}. May throw; the worker then undoes the partial
     * line and calls {@link #encodeFallback}.
     */
    void encode(WorkingEvent event, ByteBuf out) throws Exception;

    /**
     * Appends a minimal line for an event whose normal encoding failed (or was too large): time, level, logger, a
     * capped message and a marker naming the problem. Must not throw for any event.
     */
    void encodeFallback(WorkingEvent event, String problem, ByteBuf out);

    /** One encoder per {@link SinkFormat} ordinal that one of {@code sinks} wants, {@code null} for the others. */
    static EventEncoder[] forSinks(java.util.List<NamedSink> sinks, dev.fapilog.config.ValueLimits limits) {
        EventEncoder[] encoders = new EventEncoder[SinkFormat.values().length];
        for (NamedSink s : sinks) {
            SinkFormat f = s.sink().format();
            if (encoders[f.ordinal()] == null) {
                encoders[f.ordinal()] = f == SinkFormat.JSON ? new EnvelopeEncoder(limits) : new TextEncoder(f, limits);
            }
        }
        return encoders;
    }
}
