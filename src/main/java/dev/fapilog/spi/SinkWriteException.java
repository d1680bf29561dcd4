package dev.fapilog.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A write failure described by the sink itself: the reason the batch is counted under when it finally fails (such as
 * {@code http_400} or {@code connection_refused}), whether repeating the write may succeed, and how long to wait first
 * when the destination said so (an HTTP {@code Retry-After}). Thrown from {@link Sink#write}; it takes precedence over
 * {@link Sink#isRetryable(Exception)}.
 *
 * <p>The runtime retries within the sink's deadline and {@code retry.max-attempts}: the wait before the next attempt is
 * its own backoff (doubling, with jitter) or {@link #retryAfter()}, whichever is longer; when that wait would pass the
 * deadline, the batch fails at once with {@link #reason()}.
 */
public class SinkWriteException extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Pattern REASON = Pattern.compile("[a-z0-9_]{1,40}");

    private final String reason;
    private final boolean retryable;
    private final transient Duration retryAfter;

    /**
     * @param reason lower-case letters, digits and underscores, at most 40 (counted as {@code failed(reason)})
     * @param message what happened, for the diagnostics channel (never include secrets)
     * @param retryable whether the same write may succeed later
     * @param retryAfter the wait the destination asked for, or {@code null}
     * @param cause the underlying failure, or {@code null}
     * @throws IllegalArgumentException for a reason outside that form
     */
    public SinkWriteException(String reason, String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = requireReason(reason);
        this.retryable = retryable;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? null : retryAfter;
    }

    /**
     * Returns {@code reason} if it has the form of a counted reason: 1 to 40 lower-case letters, digits or underscores.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireReason(String reason) {
        if (reason == null || !REASON.matcher(reason).matches()) {
            throw new IllegalArgumentException(
                    "a sink failure reason is 1 to 40 lower-case letters, digits or underscores: " + reason);
        }
        return reason;
    }

    /** A failure that may pass: retried within the deadline. */
    public static SinkWriteException retryable(String reason, String message, Duration retryAfter) {
        return new SinkWriteException(reason, message, true, retryAfter, null);
    }

    /** A failure that repeating cannot fix (a rejected request): counted at once. */
    public static SinkWriteException permanent(String reason, String message) {
        return new SinkWriteException(reason, message, false, null, null);
    }

    public String reason() {
        return reason;
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** The wait the destination asked for before the next attempt, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String toString() {
        return getClass().getName() + "[" + reason + "]: " + Objects.toString(getMessage(), "");
    }
}
