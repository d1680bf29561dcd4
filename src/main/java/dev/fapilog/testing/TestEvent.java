package dev.fapilog.testing;

import dev.fapilog.Level;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.Section;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MutableEvent} for unit tests of a plug-in without a runtime, with a chosen capture time (for plug-ins
 * whose behaviour depends on time, such as rate limits and windows: the runtime stamps real events with the wall
 * clock, which a test cannot move). Sections are plain ordered maps; {@link #dropReason()} tells whether a plug-in
 * dropped the event. Not thread-safe, like the views the runtime hands to plug-ins.
 */
public final class TestEvent implements MutableEvent {
    private final Map<Section, Map<String, Object>> sections = new EnumMap<>(Section.class);
    private long epochNanos;
    private Level level = Level.INFO;
    private String logger = "test";
    private String message = "";
    private String dropped;

    public TestEvent() {
        for (Section s : Section.values()) {
            sections.put(s, new LinkedHashMap<>());
        }
    }

    /** An INFO event with this message at {@code seconds} since the epoch. */
    public static TestEvent at(double seconds, String message) {
        TestEvent e = new TestEvent();
        e.epochNanos = (long) (seconds * 1e9);
        e.message = message;
        return e;
    }

    public TestEvent level(Level l) {
        this.level = l;
        return this;
    }

    public TestEvent logger(String name) {
        this.logger = name;
        return this;
    }

    public TestEvent with(Section section, String key, Object value) {
        sections.get(section).put(key, value);
        return this;
    }

    public Map<String, Object> section(Section s) {
        return sections.get(s);
    }

    public String dropReason() {
        return dropped;
    }

    private List<String> keys(Section s) {
        return new ArrayList<>(sections.get(s).keySet());
    }

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
        return Math.floorDiv(epochNanos, 1_000_000_000L);
    }

    @Override
    public int nanoOfSecond() {
        return (int) Math.floorMod(epochNanos, 1_000_000_000L);
    }

    @Override
    public String threadName() {
        return "test";
    }

    @Override
    public boolean hasException() {
        return false;
    }

    @Override
    public int size(Section section) {
        return sections.get(section).size();
    }

    @Override
    public String key(Section section, int index) {
        return keys(section).get(index);
    }

    @Override
    public Object value(Section section, int index) {
        return sections.get(section).get(key(section, index));
    }

    @Override
    public Object get(Section section, String key) {
        return sections.get(section).get(key);
    }

    @Override
    public boolean contains(Section section, String key) {
        return sections.get(section).containsKey(key);
    }

    @Override
    public boolean isReserved(Section section, int index) {
        return false;
    }

    @Override
    public Object captured() {
        return null;
    }

    @Override
    public boolean isUnredacted() {
        return false;
    }

    @Override
    public void put(Section section, String key, Object value) {
        sections.get(section).put(key, value);
    }

    @Override
    public void remove(Section section, String key) {
        sections.get(section).remove(key);
    }

    @Override
    public void replace(Section section, int index, Object value) {
        sections.get(section).put(key(section, index), value);
    }

    @Override
    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public void drop(String reason) {
        dropped = reason;
    }

    /**
     * The UTF-8 length of a compact JSON rendering of the envelope's parts (message, logger, level, time and the three
     * sections). Close to, not byte for byte, what the runtime's encoder writes (which adds the schema version, a
     * message id and runtime facts): enough to test a processor that keeps events under a size.
     */
    @Override
    public int encodedSize() {
        StringBuilder json = new StringBuilder("{\"schema_version\":\"1.1\",\"log\":{");
        json.append("\"timestamp\":\"2026-01-01T00:00:00.000000Z\",\"level\":");
        JsonSize.append(json, level.name());
        json.append(",\"message\":");
        JsonSize.append(json, message);
        json.append(",\"logger\":");
        JsonSize.append(json, logger);
        for (Section s : Section.values()) {
            json.append(",\"").append(s.jsonName()).append("\":");
            JsonSize.append(json, sections.get(s));
        }
        json.append("}}\n");
        return json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
