package dev.undertone.app.source;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

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

    /** Exponential backoff with full jitter between {@code initial} and {@code max}. */
    static ReconnectPolicy exponential(Duration initial, Duration max) {
        return (attempt, failure) -> {
            long cap = max.toMillis();
            long base = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
            long ceiling = Math.min(cap, Math.max(base, 1));
            long jittered = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
            return Duration.ofMillis(Math.max(jittered, 1));
        };
    }

    /** The default: 1 s doubling to 60 s, with jitter. */
    ReconnectPolicy DEFAULT = exponential(Duration.ofSeconds(1), Duration.ofSeconds(60));
}
