package dev.fapilog.core;

import dev.fapilog.Acceptance;
import java.util.concurrent.CompletableFuture;

/**
 * An async-facade event that found its lane full under the {@code wait} policy. It waits, without a thread, behind
 * every event logged before it ({@link #marks}); the worker takes it directly into a batch once the queue has been
 * consumed that far, or drops it when its deadline passes first.
 */
final class PendingOffer {
    final LogEvent event;
    final long[] marks;
    final long deadlineNanos;
    final long sequence;
    final CompletableFuture<Acceptance> result = new CompletableFuture<>();

    PendingOffer(LogEvent event, long[] marks, long deadlineNanos, long sequence) {
        this.event = event;
        this.marks = marks;
        this.deadlineNanos = deadlineNanos;
        this.sequence = sequence;
    }
}
