package dev.undertone.app.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of matching posts per sentiment per time bucket, oldest bucket first, with empty buckets
 * included so a chart can draw the series as they are.
 *
 * @param interval the width of each bucket
 * @param from the start of the first bucket (aligned to a multiple of the interval since the epoch)
 * @param to the end of the last bucket (exclusive)
 * @param buckets the buckets, contiguous, oldest first
 */
public record Timeline(Duration interval, Instant from, Instant to, List<Bucket> buckets) {

    public Timeline {
        buckets = List.copyOf(buckets);
    }

    /**
     * One time bucket.
     *
     * @param start the bucket's start (inclusive); it ends at {@code start + interval}
     * @param counts the count per sentiment value; every value of {@link
     *     PostFilter#SENTIMENT_VALUES} is present ({@code UNSCORED} included)
     */
    public record Bucket(Instant start, Map<String, Long> counts) {
        public Bucket {
            Map<String, Long> all = new LinkedHashMap<>();
            for (String s : PostFilter.SENTIMENT_VALUES) {
                all.put(s, counts.getOrDefault(s, 0L));
            }
            counts = Collections.unmodifiableMap(all);
        }

        /** The count of one sentiment value. */
        public long count(String sentiment) {
            return counts.getOrDefault(sentiment, 0L);
        }
    }
}
