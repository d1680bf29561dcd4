package dev.fapilog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A log level: a name and a priority. Higher priorities are more severe.
 *
 * <p>The built-in levels are {@link #TRACE} (5), {@link #DEBUG} (10), {@link #INFO} (20), {@link #WARNING} (30),
 * {@link #ERROR} (40), {@link #CRITICAL} (50), {@link #AUDIT} (60) and {@link #SECURITY} (70). Applications may
 * {@linkplain #register(String, int) register} custom levels, but only before the first event is logged anywhere in
 * the class loader: once a runtime has accepted an event the registry is frozen, so every runtime, sink and
 * configuration sees the same set of levels for its whole life.
 *
 * <p>Thread safety: instances are immutable; {@link #register} and {@link #named} may be called from any thread.
 */
public final class Level implements Comparable<Level> {

    private static final Map<String, Level> REGISTRY = new ConcurrentHashMap<>();
    private static volatile boolean frozen;
    private static volatile String frozenBy;

    public static final Level TRACE = builtIn("TRACE", 5);
    public static final Level DEBUG = builtIn("DEBUG", 10);
    public static final Level INFO = builtIn("INFO", 20);
    public static final Level WARNING = builtIn("WARNING", 30);
    public static final Level ERROR = builtIn("ERROR", 40);
    public static final Level CRITICAL = builtIn("CRITICAL", 50);
    public static final Level AUDIT = builtIn("AUDIT", 60);
    public static final Level SECURITY = builtIn("SECURITY", 70);

    static {
        // Accepted spellings from other ecosystems, so configuration written for them keeps working.
        REGISTRY.put("WARN", WARNING);
        REGISTRY.put("FATAL", CRITICAL);
    }

    private final String name;
    private final int priority;
    private final boolean custom;

    private Level(String name, int priority, boolean custom) {
        this.name = name;
        this.priority = priority;
        this.custom = custom;
    }

    private static Level builtIn(String name, int priority) {
        Level level = new Level(name, priority, false);
        REGISTRY.put(name, level);
        return level;
    }

    /**
     * Registers a custom level. Registering the same name with the same priority again returns the existing level.
     *
     * @param name letters, digits and underscores, 1 to 32 characters; stored upper-case
     * @param priority 0 to 99; a custom level may share a priority with another level
     * @return the level
     * @throws IllegalArgumentException if the name or priority is invalid, or the name is taken with another priority
     * @throws IllegalStateException if an event has already been logged in this class loader
     */
    public static Level register(String name, int priority) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]{0,31}")) {
            throw new IllegalArgumentException("Custom level name '" + name
                    + "' is invalid: use 1 to 32 letters, digits or underscores, starting with a letter");
        }
        if (priority < 0 || priority > 99) {
            throw new IllegalArgumentException(
                    "Custom level '" + name + "' has priority " + priority + ": allowed priorities are 0 to 99");
        }
        String key = name.toUpperCase(Locale.ROOT);
        synchronized (REGISTRY) {
            Level existing = REGISTRY.get(key);
            if (existing != null) {
                if (existing.priority == priority && existing.custom) {
                    return existing;
                }
                throw new IllegalArgumentException("Level name '" + key + "' is already registered with priority "
                        + existing.priority + (existing.custom ? "" : " (built-in level)"));
            }
            if (frozen) {
                throw new IllegalStateException("Custom level '" + key
                        + "' cannot be registered: levels are frozen once the first event is logged (first event"
                        + " accepted by " + frozenBy + "). Register custom levels at start-up, before any logging.");
            }
            Level level = new Level(key, priority, true);
            REGISTRY.put(key, level);
            return level;
        }
    }

    /**
     * Finds a level by name, ignoring case. {@code WARN} and {@code FATAL} are accepted as {@code WARNING} and
     * {@code CRITICAL}.
     */
    public static Optional<Level> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(REGISTRY.get(name.trim().toUpperCase(Locale.ROOT)));
    }

    /** Every registered level (built-in and custom), ordered by priority then name. */
    public static List<Level> all() {
        List<Level> levels = new ArrayList<>();
        for (Map.Entry<String, Level> e : REGISTRY.entrySet()) {
            if (e.getKey().equals(e.getValue().name)) {
                levels.add(e.getValue());
            }
        }
        Collections.sort(levels);
        return levels;
    }

    /**
     * Freezes the registry. Called by a runtime when it accepts its first event; not meant for applications.
     *
     * @param by who froze it, quoted in the error a late {@link #register} call gets
     */
    public static void freezeRegistry(String by) {
        if (!frozen) {
            synchronized (REGISTRY) {
                if (!frozen) {
                    frozenBy = by;
                    frozen = true;
                }
            }
        }
    }

    /** Whether custom levels can no longer be registered. */
    public static boolean isRegistryFrozen() {
        return frozen;
    }

    public String name() {
        return name;
    }

    public int priority() {
        return priority;
    }

    /** Whether this level was registered by the application. */
    public boolean isCustom() {
        return custom;
    }

    /** Whether this level is at least as severe as {@code other}. */
    public boolean isAtLeast(Level other) {
        return priority >= other.priority;
    }

    @Override
    public int compareTo(Level o) {
        int c = Integer.compare(priority, o.priority);
        return c != 0 ? c : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
