package dev.undertone.app.source;

import dev.undertone.core.retry.Backoff;
import java.time.Duration;

/**
 * How long the pipeline waits before reconnecting a source after a failure. Protocols with
 * documented backoff rules (X API v2: separate rules for network errors, HTTP errors and 429)
 * provide their own; the rest use {@link #exponential}.
 */
@FunctionalInterface
public interface ReconnectPolicy {

    /**
     * The delay before the next connection attempt.
     *
     * @param attempt 1 for the first retry after a failure, 2 for the next, ...; reset to 1 once a
     *     connection delivered data
     * @param failure what went wrong (may carry a server hint such as Retry-After)
     * @return a positive delay; never zero, so no retry loop can spin
     */
    Duration delay(int attempt, Exception failure);

    /**
     * Exponential backoff with full jitter ({@link Backoff#fullJitterMillis}): attempt {@code n}
     * waits between 1 ms and {@code min(max, initial * 2^(n-1))}.
     */
    static ReconnectPolicy exponential(Duration initial, Duration max) {
        return (attempt, failure) ->
                Duration.ofMillis(
                        Backoff.fullJitterMillis(attempt, initial.toMillis(), max.toMillis()));
    }

    /** The default: 1 s doubling to 60 s, with full jitter. */
    ReconnectPolicy DEFAULT = exponential(Duration.ofSeconds(1), Duration.ofSeconds(60));
}
