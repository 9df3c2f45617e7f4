package dev.undertone.app.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent terms of one field among the posts matching a filter, overall and per sentiment
 * ({@code POSITIVE}, ..., {@code UNSCORED}).
 *
 * @param field the field counted
 * @param overall the top terms over all matching posts, most frequent first
 * @param bySentiment the top terms of the posts of each sentiment value, most frequent first; every
 *     value of {@link PostFilter#SENTIMENT_VALUES} is present
 * @param countedSince null when every matching post was counted; else the counts cover only the
 *     matching posts created at or after this instant (a store may count {@link TermField#WORDS},
 *     which every post has many of, over the newest posts only)
 */
public record TopTerms(
        TermField field,
        List<TermCount> overall,
        Map<String, List<TermCount>> bySentiment,
        Instant countedSince) {

    /** Top terms counted over every matching post. */
    public TopTerms(
            TermField field, List<TermCount> overall, Map<String, List<TermCount>> bySentiment) {
        this(field, overall, bySentiment, null);
    }

    public TopTerms {
        overall = List.copyOf(overall);
        Map<String, List<TermCount>> all = new LinkedHashMap<>();
        for (String s : PostFilter.SENTIMENT_VALUES) {
            all.put(s, List.copyOf(bySentiment.getOrDefault(s, List.of())));
        }
        bySentiment = Collections.unmodifiableMap(all);
    }

    /**
     * One term and how many matching posts contain it.
     *
     * @param term the term as indexed (lower-cased)
     * @param count the number of posts
     */
    public record TermCount(String term, long count) {}
}
