package dev.undertone.flink.opensearch;

import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: half the capped delay fixed, half random. */
final class Backoff {
    private Backoff() {}

    /**
     * The delay before retry number {@code attempt} (1 for the first retry).
     *
     * @return between half of and the full {@code min(max, initial * 2^(attempt-1))}
     */
    static long delayMillis(int attempt, long initialMillis, long maxMillis) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(maxMillis, initialMillis << shift);
        if (capped <= 1) {
            return 1;
        }
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
