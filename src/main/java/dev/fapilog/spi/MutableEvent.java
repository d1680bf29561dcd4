package dev.fapilog.spi;

/**
 * A changeable view of one event on the worker thread, as enrichers, redactors and processors see it. Changes are
 * applied in place and are visible to the following stages and to the encoder. Nested maps and lists are immutable
 * snapshots: replace them with {@link #put} (a new map or list) to change their content.
 *
 * <p>The reserved context keys {@code message_id} and {@code correlation_id} cannot be replaced or removed.
 */
public interface MutableEvent extends EventView {

    /** Adds or replaces a top-level field of a section. */
    void put(Section section, String key, Object value);

    /** Removes a top-level field of a section. */
    void remove(Section section, String key);

    /** Replaces the value of the field at {@code index} of a section. */
    void replace(Section section, int index, Object value);

    /** Replaces the message. */
    void setMessage(String message);

    /**
     * Drops the event once the current plug-in returns: no later stage sees it and no sink writes it. It is counted as
     * {@code dropped(reason)} in {@link dev.fapilog.PipelineStats#droppedByReason()}. For a redactor that cannot make
     * an event safe, or a processor that finds it unwritable.
     *
     * @param reason a short snake_case word for the counter, such as {@code redaction_guardrail}
     */
    void drop(String reason);

    /**
     * The size in bytes of the line the JSON envelope encoder would write for this event now, changes included: for a
     * processor that keeps lines within a size. Costs one encoding on the worker thread; {@link Integer#MAX_VALUE} for
     * an event that cannot be encoded.
     */
    int encodedSize();
}
