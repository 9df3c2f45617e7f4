package dev.undertone.core.alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The terms that rose in a window against the baseline: those whose share of the window's posts is
 * at least twice their (smoothed) share of the baseline's posts, ranked by how much evidence there
 * is for the rise (count times the log of the ratio, a one-sided log-likelihood term). The track's
 * own words rise with any spike of the track and are left out.
 */
public final class RisingTerms {
    /** The most terms an alert names. */
    public static final int MAX_TERMS = 5;

    /** A term needs this many posts in the window to be named. */
    static final long MIN_WINDOW_COUNT = 3;

    /** The window's rate must be at least this many times the baseline's. */
    static final double MIN_RATIO = 2.0;

    private RisingTerms() {}

    private record Scored(String term, double score) {}

    /**
     * @param window term to number of the window's posts holding it
     * @param windowPosts posts the window's counts were taken over (at least 1)
     * @param baseline term to number of the baseline's posts holding it
     * @param baselinePosts posts the baseline's counts were taken over (0 when none)
     * @param exclude terms never named (lower-case: the words of the track phrase)
     * @return up to {@link #MAX_TERMS} terms, the strongest rise first
     */
    public static List<String> of(
            Map<String, Long> window,
            long windowPosts,
            Map<String, Long> baseline,
            long baselinePosts,
            Set<String> exclude) {
        if (windowPosts <= 0) {
            return List.of();
        }
        List<Scored> rising = new ArrayList<>();
        for (Map.Entry<String, Long> e : window.entrySet()) {
            long c = e.getValue();
            if (c < MIN_WINDOW_COUNT || exclude.contains(e.getKey())) {
                continue;
            }
            double rate = c / (double) windowPosts;
            // Half a post of smoothing: a term the baseline never had is not infinitely new.
            double base = (baseline.getOrDefault(e.getKey(), 0L) + 0.5) / (baselinePosts + 1.0);
            double ratio = rate / base;
            if (ratio >= MIN_RATIO) {
                rising.add(new Scored(e.getKey(), c * Math.log(ratio)));
            }
        }
        rising.sort(Comparator.comparingDouble((Scored s) -> -s.score).thenComparing(Scored::term));
        List<String> out = new ArrayList<>(MAX_TERMS);
        for (Scored s : rising) {
            if (out.size() == MAX_TERMS) {
                break;
            }
            out.add(s.term);
        }
        return out;
    }
}
