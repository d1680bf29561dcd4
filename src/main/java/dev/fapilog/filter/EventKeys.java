package dev.fapilog.filter;

import dev.fapilog.spi.EventView;
import dev.fapilog.spi.Section;

/** Reads the values filters key their state by. */
final class EventKeys {
    private EventKeys() {}

    /**
     * The value of {@code field}: {@code message}, {@code logger} and {@code level} name the envelope's own fields;
     * any other name is a top-level field of {@code data}, else of {@code context}. {@code null} when absent.
     */
    static Object field(EventView event, String field) {
        switch (field) {
            case "message":
                return event.message();
            case "logger":
                return event.logger();
            case "level":
                return event.level().name();
            default:
                Object v = event.get(Section.DATA, field);
                return v != null ? v : event.get(Section.CONTEXT, field);
        }
    }

    /** The event's capture time in nanoseconds since the epoch: the filters' clock, so replays behave the same. */
    static long epochNanos(EventView event) {
        return event.epochSecond() * 1_000_000_000L + event.nanoOfSecond();
    }
}
