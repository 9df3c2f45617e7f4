package dev.undertone.core.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a window of a track is unusual enough to alert. See {@link AlertDetector} for how the rules
 * are applied and why.
 *
 * @param window the width of a window, by the posts' creation time (default 10 minutes)
 * @param baselineWindows how many preceding windows form the baseline (default 144: 24 hours of
 *     10-minute windows)
 * @param minBaselineWindows windows of history needed before anything is judged (default 6), so the
 *     first minutes of a stream cannot alert
 * @param minCount posts a window needs before it can alert at all (default 20), so that three posts
 *     cannot make a spike or a negative share
 * @param volumeScore how many robust deviations above the baseline median a volume spike must be
 *     (default 4)
 * @param shareScore how many standard errors above the baseline share a negative share must be
 *     (default 4)
 * @param minShareRise how much the negative share must rise at least, in absolute terms (default
 *     0.15: from 20% to 35%)
 * @param grace how long after a window's end posts created in it are still waited for (default 1
 *     second)
 */
public record AlertRules(
        Duration window,
        int baselineWindows,
        int minBaselineWindows,
        long minCount,
        double volumeScore,
        double shareScore,
        double minShareRise,
        Duration grace) {

    /** The defaults. */
    public static final AlertRules DEFAULTS =
            new AlertRules(
                    Duration.ofMinutes(10), 144, 6, 20, 4.0, 4.0, 0.15, Duration.ofSeconds(1));

    public AlertRules {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(grace, "grace");
        if (window.toMillis() < 1000) {
            throw new IllegalArgumentException("the alert window must be at least 1 second");
        }
        if (Duration.ofDays(1).toMillis() % window.toMillis() != 0) {
            throw new IllegalArgumentException(
                    "the alert window must divide a day evenly (e.g. 1m, 5m, 10m, 15m, 1h), got "
                            + window);
        }
        if (baselineWindows < 1 || minBaselineWindows < 1 || minBaselineWindows > baselineWindows) {
            throw new IllegalArgumentException(
                    "baseline windows must be >= 1 and at least the minimum");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("the minimum count must be >= 1");
        }
        if (!(volumeScore > 0) || !(shareScore > 0) || !(minShareRise >= 0)) {
            throw new IllegalArgumentException("alert thresholds must be positive");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the grace period must not be negative");
        }
    }

    /** The same rules with another window width; the baseline still spans 24 hours. */
    public AlertRules withWindow(Duration width) {
        long perDay = Duration.ofDays(1).toMillis() / Math.max(1, width.toMillis());
        int baseline = (int) Math.max(1, Math.min(10_000, perDay));
        return new AlertRules(
                width,
                baseline,
                Math.min(minBaselineWindows, baseline),
                minCount,
                volumeScore,
                shareScore,
                minShareRise,
                grace);
    }

    /** The same rules with another minimum count. */
    public AlertRules withMinCount(long count) {
        return new AlertRules(
                window,
                baselineWindows,
                minBaselineWindows,
                count,
                volumeScore,
                shareScore,
                minShareRise,
                grace);
    }

    /** The start of the window holding {@code t}: windows are aligned on the epoch. */
    public Instant windowStart(Instant t) {
        long w = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), w) * w);
    }

    /** The start of the baseline preceding the window starting at {@code start}. */
    public Instant baselineStart(Instant start) {
        return start.minus(window.multipliedBy(baselineWindows));
    }
}
