package dev.undertone.core.alert;

/**
 * What {@link AlertDetector} found unusual in one window, before the alert is explained with terms
 * and examples.
 *
 * @param kind what changed
 * @param observed posts in the window ({@code volume}) or negative posts in it ({@code
 *     negative_share})
 * @param expected what the baseline expects for {@code observed}: the median count, or the baseline
 *     share times the window's scored posts
 * @param score how far above the baseline, in robust deviations (volume) or standard errors (share)
 * @param observedShare the window's negative share ({@code negative_share} only, else NaN)
 * @param expectedShare the baseline's negative share ({@code negative_share} only, else NaN)
 */
public record Finding(
        AlertKind kind,
        long observed,
        double expected,
        double score,
        double observedShare,
        double expectedShare) {}
