package dev.fapilog.core;

import java.util.concurrent.CompletableFuture;

/** A {@code flush()} call: what it covers and how far the worker got with it. */
final class FlushRequest {
    final long[] marks;
    final long lastAsyncWait;
    final CompletableFuture<Boolean> done = new CompletableFuture<>();
    ControlRound sinksFlushed;

    FlushRequest(long[] marks, long lastAsyncWait) {
        this.marks = marks;
        this.lastAsyncWait = lastAsyncWait;
    }
}
