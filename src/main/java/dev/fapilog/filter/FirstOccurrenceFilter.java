package dev.fapilog.filter;

import dev.fapilog.spi.EventView;
import dev.fapilog.spi.Filter;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code first-occurrence}: passes the first event of each key within a window and drops the repeats, or keeps a
 * share {@code subsequentRate} of them. The key is made of the values of {@code keyFields} ({@code message},
 * {@code logger}, {@code level} or top-level fields of {@code data}/{@code context}). A key is forgotten
 * {@code window} after its first occurrence, so the next one passes again; at most {@code maxKeys} keys are kept, the
 * least recently seen forgotten first.
 *
 * <p>Time is the events' capture time. Worker thread only for {@link #accept}; {@link #trackedKeyCount()} may be read
 * from any thread.
 */
final class FirstOccurrenceFilter implements Filter {
    private final String[] keyFields;
    private final long windowNanos;
    private final double subsequentRate;
    private final KeyTable<long[]> firstSeen;
    private final SplittableRandom random;
    private final StringBuilder key = new StringBuilder();

    /**
     * @param keyFields what makes events "the same", at least one name
     * @param window how long a key is remembered after its first occurrence
     * @param subsequentRate share of repeats kept, from 0 to 1
     * @param maxKeys keys remembered, at least 1
     * @param seed seed of the random numbers, or {@code null} for a random one
     */
    public FirstOccurrenceFilter(
            List<String> keyFields, Duration window, double subsequentRate, int maxKeys, Long seed) {
        if (keyFields.isEmpty() || !(subsequentRate >= 0 && subsequentRate <= 1) || maxKeys < 1) {
            throw new IllegalArgumentException("keyFields not empty, 0 <= subsequentRate <= 1, maxKeys >= 1");
        }
        this.keyFields = keyFields.toArray(new String[0]);
        this.windowNanos = window.toNanos();
        this.subsequentRate = subsequentRate;
        this.firstSeen = new KeyTable<>(maxKeys);
        this.random = Seeds.random(seed, name());
    }

    @Override
    public String name() {
        return "first-occurrence";
    }

    @Override
    public boolean accept(EventView event) {
        long now = EventKeys.epochNanos(event);
        String k = keyOf(event);
        long[] seen = firstSeen.get(k);
        if (seen == null) {
            firstSeen.add(k, new long[] {now});
            return true;
        }
        if (now - seen[0] >= windowNanos) {
            seen[0] = now; // the window is over: this is a first occurrence again
            return true;
        }
        return subsequentRate > 0 && random.nextDouble() < subsequentRate;
    }

    private String keyOf(EventView event) {
        if (keyFields.length == 1) {
            return String.valueOf(EventKeys.field(event, keyFields[0]));
        }
        key.setLength(0);
        for (String f : keyFields) {
            key.append(EventKeys.field(event, f)).append('\u001f');
        }
        return key.toString();
    }

    @Override
    public int trackedKeyCount() {
        return firstSeen.tracked();
    }
}
