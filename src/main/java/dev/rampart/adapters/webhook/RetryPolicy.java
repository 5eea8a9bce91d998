package dev.rampart.adapters.webhook;

import dev.rampart.adapters.Settings;
import dev.rampart.spi.AdapterException;

import java.time.Duration;

/**
 * How often a request is tried: up to {@code attempts} times, waiting {@code backoff}, then twice that, up to
 * {@code maxBackoff}, between tries. Only server errors (5xx) and failures to connect or to answer in time are
 * tried again; a 4xx means the request itself is wrong and repeating it cannot help.
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxBackoff) {

    public static RetryPolicy read(Settings s) throws AdapterException {
        Settings r = s.section("retries");
        int attempts = r.integer("attempts", 4);
        if (attempts < 1 || attempts > 20) {
            throw r.bad("attempts", "must be between 1 and 20");
        }
        return new RetryPolicy(attempts, r.duration("backoff", Duration.ofMillis(250)),
                r.duration("max_backoff", Duration.ofSeconds(5)));
    }

    Duration delayBefore(int attempt) {
        long ms = backoff.toMillis() << Math.min(20, attempt - 2);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }
}
