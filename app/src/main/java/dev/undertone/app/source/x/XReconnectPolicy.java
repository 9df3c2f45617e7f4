package dev.undertone.app.source.x;

import dev.undertone.app.source.ReconnectPolicy;
import dev.undertone.core.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * X's documented reconnect backoff, by error class:
 *
 * <ul>
 *   <li>network errors (refused, reset, DNS, timeout, stall, operational disconnect): linear, 250
 *       ms more per attempt, capped at 16 s; X allows the first retry at once, but 250 ms keeps a
 *       server that accepts and drops immediately from causing a busy loop;
 *   <li>HTTP errors worth retrying (5xx and the like): exponential from 5 s, doubling, capped at
 *       320 s;
 *   <li>HTTP 429: until {@code x-rate-limit-reset} when the server sent it (at least 1 s),
 *       otherwise exponential from 60 s, doubling, capped at 16 minutes.
 * </ul>
 *
 * 400, 401 and 403 are never retried: the source stops with a message saying what to fix.
 */
public final class XReconnectPolicy implements ReconnectPolicy {

    static final Duration NETWORK_STEP = Duration.ofMillis(250);
    static final Duration NETWORK_CAP = Duration.ofSeconds(16);
    static final Duration HTTP_START = Duration.ofSeconds(5);
    static final Duration HTTP_CAP = Duration.ofSeconds(320);
    static final Duration RATE_LIMIT_START = Duration.ofSeconds(60);
    static final Duration RATE_LIMIT_CAP = Duration.ofMinutes(16);
    private static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private final Clock clock;

    public XReconnectPolicy(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Duration delay(int attempt, Exception failure) {
        int n = Math.max(1, attempt);
        if (!(failure instanceof XStreamException x)) {
            return network(n);
        }
        return switch (x.kind()) {
            case NETWORK -> network(n);
            case HTTP -> exponential(HTTP_START, n, HTTP_CAP);
            case RATE_LIMIT -> rateLimited(n, x.retryAt());
        };
    }

    private static Duration network(int attempt) {
        Duration d = NETWORK_STEP.multipliedBy(attempt);
        return d.compareTo(NETWORK_CAP) > 0 ? NETWORK_CAP : d;
    }

    /** X's exponential rules have no jitter: the documented doubling, capped. */
    private static Duration exponential(Duration start, int attempt, Duration cap) {
        return Duration.ofMillis(Backoff.ceilingMillis(attempt, start.toMillis(), cap.toMillis()));
    }

    private Duration rateLimited(int attempt, Instant retryAt) {
        if (retryAt == null) {
            return exponential(RATE_LIMIT_START, attempt, RATE_LIMIT_CAP);
        }
        Duration untilReset = Duration.between(clock.instant(), retryAt);
        if (untilReset.compareTo(MIN_WAIT) < 0) {
            return MIN_WAIT;
        }
        return untilReset.compareTo(RATE_LIMIT_CAP) > 0 ? RATE_LIMIT_CAP : untilReset;
    }
}
