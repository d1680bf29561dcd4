package dev.fapilog.core;

import dev.fapilog.spi.Fatal;
import dev.fapilog.spi.SinkFormat;

/**
 * Encodes the worker's events once per format in use into pooled batch buffers and hands each full batch to every
 * sink's runner. Holds at most one open buffer per format; a buffer comes back to its pool when every sink that
 * received it is done with it. Worker thread only.
 */
final class BatchEncoder {
    private static final int LINE_KEEP_BYTES = 64 * 1024;

    private final EventEncoder[] encoders;
    private final BatchPool[] pools;
    private final EncodedBatch[] held;
    private final int[] lineStarts;
    private final int[] sinksPerFormat;
    private final SinkRunner[] runners;
    private final Accounting accounting;
    private final DiagnosticsChannel diagnostics;
    private final ByteBuf line = new ByteBuf(1024); // one encoded event, see encodeOne
    private final int maxEventBytes;

    /**
     * @param encoders one encoder per {@link SinkFormat} ordinal, {@code null} where no sink wants the format
     * @param batchesAhead buffers per format: how many batches may be with the sinks while the next one fills
     * @param wake called when a sink returns a buffer, to wake a worker waiting for one
     */
    BatchEncoder(
            EventEncoder[] encoders,
            SinkRunner[] runners,
            int batchesAhead,
            int maxEventBytes,
            Accounting accounting,
            DiagnosticsChannel diagnostics,
            Runnable wake) {
        int formats = SinkFormat.values().length;
        this.encoders = encoders;
        this.runners = runners;
        this.maxEventBytes = maxEventBytes;
        this.accounting = accounting;
        this.diagnostics = diagnostics;
        this.pools = new BatchPool[formats];
        this.held = new EncodedBatch[formats];
        this.lineStarts = new int[formats];
        this.sinksPerFormat = new int[formats];
        for (SinkRunner r : runners) {
            sinksPerFormat[r.formatIndex()]++;
        }
        for (int f = 0; f < formats; f++) {
            if (sinksPerFormat[f] > 0) {
                pools[f] = new BatchPool(batchesAhead, wake);
            }
        }
    }

    /** Takes a free buffer for every format in use that has none open; {@code false} if some pool has none free. */
    boolean acquire() {
        for (int f = 0; f < pools.length; f++) {
            if (pools[f] != null && held[f] == null) {
                held[f] = pools[f].acquire();
                if (held[f] == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether some format has no buffer open and a free one in its pool (the worker can go on). */
    boolean anyBufferFree() {
        for (int f = 0; f < pools.length; f++) {
            if (pools[f] != null && held[f] == null && pools[f].hasFree()) {
                return true;
            }
        }
        return false;
    }

    /** The size of the largest open buffer. */
    int heldBytes() {
        int most = 0;
        for (EncodedBatch b : held) {
            if (b != null) {
                most = Math.max(most, b.bytes.length());
            }
        }
        return most;
    }

    /** Appends the event's line to every open buffer; {@code false} (and nothing appended) if any format failed. */
    boolean encode(WorkingEvent work) {
        for (int f = 0; f < held.length; f++) {
            if (held[f] != null) {
                lineStarts[f] = held[f].bytes.length();
            }
        }
        for (int f = 0; f < held.length; f++) {
            if (held[f] != null && !encodeOne(work, f)) {
                for (int g = 0; g < held.length; g++) {
                    if (held[g] != null) {
                        held[g].bytes.truncate(lineStarts[g]);
                    }
                }
                return false;
            }
        }
        for (EncodedBatch b : held) {
            if (b != null) {
                b.endLine(work.level());
            }
        }
        return true;
    }

    /**
     * Encodes the working event into {@link #line}, then copies the line into the batch buffer. Why not encode into
     * the batch buffer directly: its memory was last read by a sink thread on another core, so byte-by-byte stores into
     * it wait on the cache line transfers; the line stays in this core's cache and one bulk copy overlaps those
     * transfers (measured: about 8% more events per second to a file on 2 cores).
     */
    private boolean encodeOne(WorkingEvent work, int format) {
        ByteBuf out = held[format].bytes;
        line.reset();
        String problem;
        try {
            encoders[format].encode(work, line);
            if (line.length() <= maxEventBytes) {
                out.put(line.array(), 0, line.length());
                return true;
            }
            problem = "event exceeded encoder.max-event-bytes (" + line.length() + " > " + maxEventBytes
                    + " bytes); its fields were left out";
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            problem = "encoding failed: " + failure.getClass().getName();
        }
        line.reset();
        diagnostics.warn("encoder", "fallback", "An event was written in reduced form", "problem", problem);
        try {
            encoders[format].encodeFallback(work, problem, line);
            out.put(line.array(), 0, line.length());
            return true;
        } catch (Throwable failure) {
            Fatal.rethrowIfFatal(failure);
            return false;
        } finally {
            line.shrink(LINE_KEEP_BYTES); // one huge event must not pin a huge array
        }
    }

    /**
     * Hands the open buffers, holding {@code events} events, to the sinks' runners: all of them to every sink, or, with
     * routing, to each sink the events whose mask names it ({@code masks[i]} for event {@code i}).
     *
     * @param masks the runners of each event, or {@code null} when every event goes to every sink
     */
    void dispatch(int events, long[] masks) {
        if (masks == null || allTo(masks, events, allRunners())) {
            dispatchToAll(events);
        } else {
            dispatchRouted(events, masks);
        }
        for (int f = 0; f < held.length; f++) {
            held[f] = null;
        }
    }

    private long allRunners() {
        return runners.length >= RouteTable.MAX_SINKS ? -1L : (1L << runners.length) - 1;
    }

    private static boolean allTo(long[] masks, int events, long all) {
        for (int i = 0; i < events; i++) {
            if (masks[i] != all) {
                return false;
            }
        }
        return true;
    }

    private void dispatchToAll(int events) {
        Dispatch d = new Dispatch(events, runners.length, accounting);
        accounting.inFlight.addAndGet(events);
        for (int f = 0; f < held.length; f++) {
            if (held[f] != null) {
                held[f].retain(sinksPerFormat[f]);
            }
        }
        for (SinkRunner r : runners) {
            r.counters().unsettled.addAndGet(events);
        }
        for (int i = 0; i < runners.length; i++) {
            runners[i].submit(new SinkTask(d, held[runners[i].formatIndex()], runners[i], i));
        }
    }

    /** Routing: one dispatch with a group per distinct mask; each sink gets the lines routed to it. */
    private void dispatchRouted(int events, long[] masks) {
        long[] groupMasks = new long[4];
        int[] groupCounts = new int[4];
        int groups = 0;
        for (int i = 0; i < events; i++) {
            int g = 0;
            while (g < groups && groupMasks[g] != masks[i]) {
                g++;
            }
            if (g == groups) {
                if (groups == groupMasks.length) {
                    groupMasks = java.util.Arrays.copyOf(groupMasks, groups * 2);
                    groupCounts = java.util.Arrays.copyOf(groupCounts, groups * 2);
                }
                groupMasks[groups++] = masks[i];
            }
            groupCounts[g]++;
        }
        int[] share = new int[runners.length];
        int involved = 0;
        for (int r = 0; r < runners.length; r++) {
            for (int g = 0; g < groups; g++) {
                if ((groupMasks[g] & (1L << r)) != 0) {
                    share[r] += groupCounts[g];
                }
            }
            if (share[r] > 0) {
                involved++;
            }
        }
        Dispatch d = new Dispatch(
                events,
                involved,
                accounting,
                java.util.Arrays.copyOf(groupMasks, groups),
                java.util.Arrays.copyOf(groupCounts, groups),
                runners.length);
        accounting.inFlight.addAndGet(events);
        EncodedBatch[] forRunner = new EncodedBatch[runners.length];
        for (int r = 0; r < runners.length; r++) {
            SinkRunner runner = runners[r];
            runner.counters().notRouted.addAndGet(events - share[r]);
            if (share[r] == 0) {
                continue;
            }
            EncodedBatch shared = held[runner.formatIndex()];
            if (share[r] == events) {
                shared.retain(1);
                forRunner[r] = shared;
            } else {
                forRunner[r] = shared.subset(masks, 1L << r, share[r]);
                forRunner[r].retain(1);
            }
            d.shareOf(r, forRunner[r].sources());
            runner.counters().unsettled.addAndGet(share[r]);
        }
        for (int f = 0; f < held.length; f++) {
            if (held[f] != null) {
                held[f].retain(1); // held here while the shares are handed out, released below
            }
        }
        for (int r = 0; r < runners.length; r++) {
            if (forRunner[r] != null) {
                runners[r].submit(new SinkTask(d, forRunner[r], runners[r], r));
            }
        }
        for (int f = 0; f < held.length; f++) {
            if (held[f] != null) {
                held[f].release(false); // back to the pool once no sink holds it (at once if every sink got a copy)
            }
        }
    }
}
