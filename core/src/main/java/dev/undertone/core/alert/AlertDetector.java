package dev.undertone.core.alert;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Judges one closed window of a track against the windows before it. Pure: counts in, findings out.
 *
 * <p><b>Volume.</b> The baseline is the median count of the preceding windows (empty windows count
 * as 0) and the spread is their median absolute deviation (MAD, scaled by 1.4826 so it estimates a
 * standard deviation). A window alerts when its count is at least {@link AlertRules#minCount()} and
 * lies {@link AlertRules#volumeScore()} spreads above the median. The spread is never taken below
 * the square root of the median, the noise a Poisson count of that size has anyway, so a flat
 * baseline (MAD 0) does not alert on a handful of extra posts. Median and MAD rather than mean and
 * standard deviation (Huginn's peak detector): yesterday's spike does not inflate today's baseline,
 * and a single busy window does not hide the next one.
 *
 * <p><b>Negative share.</b> The baseline share is the median of the preceding windows' negative
 * shares (windows with at least 10 scored posts), or the pooled share when too few windows have
 * that many. A window alerts when it has at least {@code minCount} scored posts, its share rose by
 * at least {@link AlertRules#minShareRise()} and by {@link AlertRules#shareScore()} binomial
 * standard errors. Only rises alert: a stream turning less negative is rarely news.
 *
 * <p>Nothing is judged before {@link AlertRules#minBaselineWindows()} windows of history exist.
 */
public final class AlertDetector {
    /** MAD times this estimates the standard deviation of normally distributed counts. */
    static final double MAD_TO_SIGMA = 1.4826;

    /** Scored posts a baseline window needs for its own share to count in the median. */
    static final long MIN_SCORED_FOR_SHARE = 10;

    /** The share variance is never taken below this (a baseline share of 0 or 1). */
    private static final double MIN_SHARE_VARIANCE = 0.05 * 0.95;

    private final AlertRules rules;

    public AlertDetector(AlertRules rules) {
        this.rules = rules;
    }

    /** The rules applied. */
    public AlertRules rules() {
        return rules;
    }

    /**
     * Judges a window.
     *
     * @param current the closed window
     * @param baseline the windows before it that are known (empty ones may be missing: they count
     *     as 0), at most {@link AlertRules#baselineWindows()} of them
     * @param historyWindows how many windows of history there are before {@code current} (the
     *     baseline span, or less at the start of a stream)
     * @return the findings, volume first; empty when nothing is unusual
     */
    public List<Finding> judge(
            WindowCounts current, List<WindowCounts> baseline, int historyWindows) {
        int span = Math.min(historyWindows, rules.baselineWindows());
        if (span < rules.minBaselineWindows() || current.total() < rules.minCount()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>(2);
        Finding v = volume(current, baseline, span);
        if (v != null) {
            out.add(v);
        }
        Finding s = negativeShare(current, baseline);
        if (s != null) {
            out.add(s);
        }
        return out;
    }

    private Finding volume(WindowCounts current, List<WindowCounts> baseline, int span) {
        double[] counts = new double[span];
        int i = 0;
        for (WindowCounts w : baseline) {
            if (i < span) {
                counts[i++] = w.total();
            }
        }
        // Windows without posts are absent from the baseline list; they stay 0.
        double median = median(counts);
        double[] deviations = new double[span];
        for (int k = 0; k < span; k++) {
            deviations[k] = Math.abs(counts[k] - median);
        }
        double spread = Math.max(MAD_TO_SIGMA * median(deviations), Math.sqrt(Math.max(1, median)));
        double score = (current.total() - median) / spread;
        if (score < rules.volumeScore()) {
            return null;
        }
        return new Finding(
                AlertKind.VOLUME, current.total(), median, score, Double.NaN, Double.NaN);
    }

    private Finding negativeShare(WindowCounts current, List<WindowCounts> baseline) {
        long n = current.scored();
        if (n < rules.minCount()) {
            return null;
        }
        double p0 = baselineShare(baseline);
        if (Double.isNaN(p0)) {
            return null;
        }
        double p = current.negativeShare();
        double se = Math.sqrt(Math.max(p0 * (1 - p0), MIN_SHARE_VARIANCE) / n);
        double score = (p - p0) / se;
        if (p - p0 < rules.minShareRise() || score < rules.shareScore()) {
            return null;
        }
        return new Finding(AlertKind.NEGATIVE_SHARE, current.negative(), p0 * n, score, p, p0);
    }

    /** The median share of well-filled windows, else the pooled share; NaN when unknown. */
    private double baselineShare(List<WindowCounts> baseline) {
        List<Double> shares = new ArrayList<>();
        long negative = 0;
        long scored = 0;
        for (WindowCounts w : baseline) {
            negative += w.negative();
            scored += w.scored();
            if (w.scored() >= MIN_SCORED_FOR_SHARE) {
                shares.add(w.negativeShare());
            }
        }
        if (shares.size() >= rules.minBaselineWindows()) {
            return median(shares.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return scored >= rules.minCount() ? negative / (double) scored : Double.NaN;
    }

    /** The median of the values (sorted in place); 0 for none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
