package dev.undertone.app.store;

import dev.undertone.core.sentiment.Sentiment;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of the stored posts matching a filter, by sentiment.
 *
 * @param total every matching post, scored or not
 * @param sentiment the count per label; every label is present (0 when none)
 * @param unscored posts the model did not score
 * @param unscoredReasons the unscored posts by reason ({@code unsupported_language}, ...)
 * @param languages the posts by language (primary subtag, {@link LanguageCounts#NO_LANGUAGE} for
 *     posts without one); a post tagged with several languages counts under each
 */
public record Summary(
        long total,
        Map<Sentiment, Long> sentiment,
        long unscored,
        Map<String, Long> unscoredReasons,
        Map<String, LanguageCounts> languages) {

    /** A summary without counts by language. */
    public Summary(
            long total,
            Map<Sentiment, Long> sentiment,
            long unscored,
            Map<String, Long> unscoredReasons) {
        this(total, sentiment, unscored, unscoredReasons, Map.of());
    }

    public Summary {
        EnumMap<Sentiment, Long> all = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            all.put(s, sentiment == null ? 0L : sentiment.getOrDefault(s, 0L));
        }
        sentiment = Collections.unmodifiableMap(all);
        unscoredReasons =
                Collections.unmodifiableMap(
                        new TreeMap<>(unscoredReasons == null ? Map.of() : unscoredReasons));
        languages =
                Collections.unmodifiableMap(
                        new TreeMap<>(languages == null ? Map.of() : languages));
    }

    /** A summary of nothing. */
    public static Summary empty() {
        return new Summary(0, Map.of(), 0, Map.of());
    }

    /** The count of one label. */
    public long count(Sentiment s) {
        return sentiment.get(s);
    }
}
