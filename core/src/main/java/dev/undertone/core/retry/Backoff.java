package dev.undertone.core.retry;

import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff, shared by the live sources' reconnects and the OpenSearch sink's retries.
 *
 * <p>The delay before retry {@code n} is drawn uniformly from {@code [1, min(max, initial *
 * 2^(n-1))]} milliseconds ("full jitter"): clients that failed together spread their retries over
 * the whole window instead of returning in step, and the delay is never zero, so no retry loop can
 * spin.
 */
public final class Backoff {
    /** Doubling stops here; 2^30 times any sensible initial delay is past every cap. */
    private static final int MAX_SHIFT = 30;

    private Backoff() {}

    /**
     * The ceiling of retry {@code attempt}'s delay: {@code initial * 2^(attempt-1)}, capped at
     * {@code max}, at least 1.
     *
     * @param attempt 1 for the first retry; lower values count as 1
     */
    public static long ceilingMillis(int attempt, long initialMillis, long maxMillis) {
        int shift = Math.min(Math.max(attempt - 1, 0), MAX_SHIFT);
        long doubled =
                initialMillis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : initialMillis << shift;
        return Math.max(1, Math.min(maxMillis, doubled));
    }

    /** The delay before retry {@code attempt}, with full jitter from the thread's random source. */
    public static long fullJitterMillis(int attempt, long initialMillis, long maxMillis) {
        return fullJitterMillis(attempt, initialMillis, maxMillis, ThreadLocalRandom.current());
    }

    /**
     * The delay before retry {@code attempt}: uniform in {@code [1, ceilingMillis(attempt, initial,
     * max)]}.
     */
    public static long fullJitterMillis(
            int attempt, long initialMillis, long maxMillis, RandomGenerator random) {
        long ceiling = ceilingMillis(attempt, initialMillis, maxMillis);
        return 1 + random.nextLong(ceiling);
    }
}
