package io.convosowarehouse.source;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a call again and how long to wait: capped exponential backoff with full jitter, a
 * server's {@code Retry-After} honoured up to the cap. Which failures are worth a retry is decided
 * by {@link #isRetryableStatus(int)}: 5xx, 408 and 429; any other 4xx will not get better.
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    static boolean isRetryableStatus(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** The pause before attempt {@code attempt + 1}, after {@code attempt} failed. */
    Duration backoff(int attempt, Optional<String> retryAfter, Instant now, RandomGenerator random) {
        Optional<Duration> asked = retryAfter.flatMap(value -> parseRetryAfter(value, now));
        if (asked.isPresent()) {
            return min(asked.get(), maxBackoff);
        }
        long ceiling = min(initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20)), maxBackoff).toMillis();
        return Duration.ofMillis(ceiling / 2 + random.nextLong(ceiling / 2 + 1));
    }

    /** Retry-After is either delta-seconds or an HTTP date. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
