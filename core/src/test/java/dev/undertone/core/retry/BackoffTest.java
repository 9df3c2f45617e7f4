package dev.undertone.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theCeilingDoublesFromTheInitialDelayUpToTheCap() {
        assertThat(Backoff.ceilingMillis(1, 100, 5000)).isEqualTo(100);
        assertThat(Backoff.ceilingMillis(2, 100, 5000)).isEqualTo(200);
        assertThat(Backoff.ceilingMillis(6, 100, 5000)).isEqualTo(3200);
        assertThat(Backoff.ceilingMillis(7, 100, 5000)).isEqualTo(5000);
        assertThat(Backoff.ceilingMillis(1_000, 100, 5000)).isEqualTo(5000);
        assertThat(Backoff.ceilingMillis(0, 100, 5000)).as("attempt 0 counts as 1").isEqualTo(100);
        assertThat(Backoff.ceilingMillis(1, 0, 5000)).as("never zero").isEqualTo(1);
        assertThat(Backoff.ceilingMillis(40, Long.MAX_VALUE / 4, Long.MAX_VALUE))
                .as("no overflow")
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeWindowAndNeverReturnsZero() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2_000; i++) {
            long d = Backoff.fullJitterMillis(3, 100, 5000, random);
            assertThat(d).isBetween(1L, 400L);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        // "half fixed, half random" jitter would never go under 200 ms here
        assertThat(min).isLessThan(40);
        assertThat(max).isGreaterThan(360);
    }

    @Test
    void aWindowOfOneMillisecondGivesOneMillisecond() {
        assertThat(Backoff.fullJitterMillis(1, 1, 1, new SplittableRandom(1))).isEqualTo(1);
    }
}
