package dev.fapilog.filter;

import dev.fapilog.Level;
import dev.fapilog.spi.EventView;
import dev.fapilog.spi.Filter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code level}: drops events below a threshold on the worker, with thresholds per logger-name prefix (the longest
 * matching prefix wins; {@code com.acme} matches {@code com.acme} and {@code com.acme.orders}, not {@code com.acmex}).
 * The runtime's {@code fapilog.level} already stops events below it on the caller thread, at no cost; this filter is
 * for finer, per-logger thresholds above that one.
 *
 * <p>Worker thread only; immutable after construction.
 */
final class LevelFilter implements Filter {
    private final Level minLevel;
    private final String[] prefixes;
    private final Level[] thresholds;

    /**
     * @param minLevel threshold for loggers no prefix matches
     * @param byLoggerPrefix thresholds per logger-name prefix
     */
    public LevelFilter(Level minLevel, Map<String, Level> byLoggerPrefix) {
        this.minLevel = minLevel;
        List<Map.Entry<String, Level>> entries = new ArrayList<>(byLoggerPrefix.entrySet());
        entries.sort(Comparator.comparingInt(
                        (Map.Entry<String, Level> e) -> e.getKey().length())
                .reversed());
        prefixes = new String[entries.size()];
        thresholds = new Level[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            prefixes[i] = entries.get(i).getKey();
            thresholds[i] = entries.get(i).getValue();
        }
    }

    @Override
    public String name() {
        return "level";
    }

    @Override
    public boolean accept(EventView event) {
        return event.level().isAtLeast(thresholdOf(event.logger()));
    }

    /** The threshold that applies to a logger name. */
    public Level thresholdOf(String logger) {
        for (int i = 0; i < prefixes.length; i++) {
            String p = prefixes[i];
            if (logger.startsWith(p) && (logger.length() == p.length() || logger.charAt(p.length()) == '.')) {
                return thresholds[i];
            }
        }
        return minLevel;
    }
}
