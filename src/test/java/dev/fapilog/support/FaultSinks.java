package dev.fapilog.support;

import dev.fapilog.spi.SinkBatch;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** Sinks that misbehave on purpose, after the fixtures of Log4j's and OpenTelemetry's test suites. */
public final class FaultSinks {
    private FaultSinks() {}

    /** Sleeps for a fixed time per batch, then records it. */
    public static final class Slow extends RecordingSink {
        private final long nanosPerBatch;

        public Slow(String name, long nanosPerBatch) {
            super(name);
            this.nanosPerBatch = nanosPerBatch;
        }

        @Override
        public void write(SinkBatch batch) throws Exception {
            LockSupport.parkNanos(nanosPerBatch);
            super.write(batch);
        }
    }

    /**
     * Never returns from {@code write} until {@link #release()}, and ignores interrupts meanwhile. Release it at the end
     * of a test so its thread does not outlive the test class.
     */
    public static final class Hanging extends RecordingSink {
        private final CountDownLatch released = new CountDownLatch(1);
        private final CountDownLatch entered = new CountDownLatch(1);

        public Hanging(String name) {
            super(name);
        }

        @Override
        public void write(SinkBatch batch) {
            entered.countDown();
            while (released.getCount() > 0) {
                try {
                    released.await();
                } catch (InterruptedException ignoredOnPurpose) {
                    // A hung sink does not care about interrupts.
                }
            }
        }

        public boolean awaitEntered(long millis) throws InterruptedException {
            return entered.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        public void release() {
            released.countDown();
        }
    }

    /** Blocks each write until {@link #open()} is called (then behaves like a recording sink). */
    public static final class Gate extends RecordingSink {
        private final CountDownLatch open = new CountDownLatch(1);

        public Gate(String name) {
            super(name);
        }

        @Override
        public void write(SinkBatch batch) throws Exception {
            open.await();
            super.write(batch);
        }

        public void open() {
            open.countDown();
        }
    }

    /** Throws for the first {@code failures} batches (or always, with -1), then records. */
    public static final class Throwing extends RecordingSink {
        private final Throwable failure;
        private final AtomicInteger remaining;
        private final boolean always;
        private final boolean retryable;
        public final AtomicInteger attempts = new AtomicInteger();

        public Throwing(String name, Throwable failure, int failures, boolean retryable) {
            super(name);
            this.failure = failure;
            this.remaining = new AtomicInteger(failures);
            this.always = failures < 0;
            this.retryable = retryable;
        }

        @Override
        public void write(SinkBatch batch) throws Exception {
            attempts.incrementAndGet();
            if (always || remaining.getAndDecrement() > 0) {
                throw FaultSinks.<RuntimeException>sneaky(failure);
            }
            super.write(batch);
        }

        @Override
        public boolean isRetryable(Exception e) {
            return retryable;
        }
    }

    /** Rethrows any throwable, checked or not, without declaring it. */
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
