package dev.undertone.app.store;

import dev.undertone.core.sentiment.Sentiment;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The posts of one language among those a filter matches: how many, by sentiment, and how many are
 * unscored.
 *
 * @param total every post of the language
 * @param sentiment the count per label; every label is present (0 when none)
 * @param unscored posts of the language the model did not score
 */
public record LanguageCounts(long total, Map<Sentiment, Long> sentiment, long unscored) {

    /** The key of posts that name no language (and none was detected). */
    public static final String NO_LANGUAGE = "und";

    public LanguageCounts {
        EnumMap<Sentiment, Long> all = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            all.put(s, sentiment == null ? 0L : sentiment.getOrDefault(s, 0L));
        }
        sentiment = Collections.unmodifiableMap(all);
    }

    /** The count of one label. */
    public long count(Sentiment s) {
        return sentiment.get(s);
    }

    /** These counts plus {@code other}'s. */
    public LanguageCounts plus(LanguageCounts other) {
        EnumMap<Sentiment, Long> sum = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            sum.put(s, count(s) + other.count(s));
        }
        return new LanguageCounts(total + other.total, sum, unscored + other.unscored);
    }
}
