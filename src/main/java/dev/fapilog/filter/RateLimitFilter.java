package dev.fapilog.filter;

import dev.fapilog.spi.Diagnostics;
import dev.fapilog.spi.EventView;
import dev.fapilog.spi.Filter;
import dev.fapilog.spi.MutableEvent;
import dev.fapilog.spi.PluginContext;
import dev.fapilog.spi.Section;

/**
 * {@code rate-limit}: a token bucket per key. Each bucket holds at most {@code capacity} tokens (the burst) and gains
 * {@code refillPerSecond}; an event takes one token. Buckets are keyed by the value of a top-level field
 * ({@code data}, then {@code context}); events without it, or all events when no key field is set, share the bucket
 * {@code global}. At most {@code maxKeys} buckets are kept (least recently used forgotten), with one diagnostic when
 * 90% are in use. Over the limit, an event is dropped, or with {@code mark} kept with {@code data.rate_limited=true}.
 *
 * <p>Time is the events' capture time, so the limit applies to when things happened, not to when the worker got to
 * them. Worker thread only for {@link #accept}; {@link #trackedKeyCount()} may be read from any thread.
 */
final class RateLimitFilter implements Filter {
    private static final String GLOBAL = "global";

    private final double capacity;
    private final double tokensPerNano;
    private final String keyField;
    private final boolean mark;
    private final KeyTable<Bucket> buckets;
    private Diagnostics diagnostics;
    private boolean warnedFull;

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    /**
     * @param capacity tokens per bucket, at least 1
     * @param refillPerSecond tokens added per second, 0 or more
     * @param keyField the field whose value keys the buckets, or {@code null} for one bucket
     * @param maxKeys buckets kept, at least 1
     * @param mark {@code true} to mark events over the limit instead of dropping them
     */
    public RateLimitFilter(int capacity, double refillPerSecond, String keyField, int maxKeys, boolean mark) {
        if (capacity < 1 || maxKeys < 1 || !(refillPerSecond >= 0)) {
            throw new IllegalArgumentException("capacity and maxKeys must be at least 1, refillPerSecond 0 or more");
        }
        this.capacity = capacity;
        this.tokensPerNano = refillPerSecond / 1e9;
        this.keyField = keyField;
        this.mark = mark;
        this.buckets = new KeyTable<>(maxKeys);
    }

    @Override
    public String name() {
        return "rate-limit";
    }

    @Override
    public void start(PluginContext context) {
        diagnostics = context.diagnostics();
    }

    @Override
    public boolean accept(EventView event) {
        long now = EventKeys.epochNanos(event);
        Object k = keyField == null ? null : EventKeys.field(event, keyField);
        String key = k == null ? GLOBAL : k.toString();
        Bucket b = buckets.get(key);
        if (b == null) {
            b = new Bucket(capacity, now);
            buckets.add(key, b);
            warnWhenNearlyFull();
        } else if (now > b.lastNanos) {
            b.tokens = Math.min(capacity, b.tokens + (now - b.lastNanos) * tokensPerNano);
            b.lastNanos = now;
        }
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return true;
        }
        if (mark && event instanceof MutableEvent) {
            ((MutableEvent) event).put(Section.DATA, "rate_limited", Boolean.TRUE);
            return true;
        }
        return mark; // over the limit: dropped, or kept (marked above when the view can be changed)
    }

    private void warnWhenNearlyFull() {
        boolean nearlyFull = buckets.tracked() * 10L >= buckets.maxKeys() * 9L;
        if (nearlyFull && !warnedFull && diagnostics != null) {
            diagnostics.warn(
                    "filter",
                    "rate_limit_keys",
                    "rate-limit tracks 90% of its maximum keys; the least recently used are forgotten beyond it",
                    "tracked",
                    buckets.tracked(),
                    "max_keys",
                    buckets.maxKeys());
        }
        warnedFull = nearlyFull;
    }

    @Override
    public int trackedKeyCount() {
        return buckets.tracked();
    }
}
