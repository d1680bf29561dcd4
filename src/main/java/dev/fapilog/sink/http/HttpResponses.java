package dev.fapilog.sink.http;

import dev.fapilog.spi.SinkWriteException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What an HTTP answer means for a batch (the OTLP exporter contract and Vector's practice): 2xx delivered; 408, 429 and
 * 5xx other than 501 may pass later (retried, honouring {@code Retry-After}); every other status is a rejection that
 * repeating cannot fix, counted as {@code failed(http_<status>)}.
 */
final class HttpResponses {
    private HttpResponses() {}

    /** {@code null} when the status means delivered, else the failure to throw. */
    static SinkWriteException failureOf(int status, Optional<String> retryAfter, Instant now) {
        if (status >= 200 && status < 300) {
            return null;
        }
        String reason = "http_" + status;
        String message = "the receiver answered " + status;
        boolean retryable = status == 408 || status == 429 || (status >= 500 && status != 501);
        return retryable
                ? SinkWriteException.retryable(
                        reason, message, retryAfter.map(v -> retryAfter(v, now)).orElse(null))
                : SinkWriteException.permanent(reason, message);
    }

    /**
     * A {@code Retry-After} value: seconds, or an HTTP date (a date in the past means now); {@code null} for anything
     * else, which then leaves the normal backoff in charge.
     */
    static Duration retryAfter(String value, Instant now) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 86_400));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return at.isBefore(now) ? Duration.ZERO : Duration.between(now, at);
            } catch (DateTimeParseException garbage) {
                return null;
            }
        }
    }
}
