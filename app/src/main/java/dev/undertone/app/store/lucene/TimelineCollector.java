package dev.undertone.app.store.lucene;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.Timeline;
import dev.undertone.app.store.TimelinePlan;
import dev.undertone.core.index.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts matching documents per planned time bucket and sentiment. */
final class TimelineCollector extends SimpleCollector {
    private final TimelinePlan plan;
    private final TimelinePlan.Buckets buckets;
    private final long[] counts;
    private NumericDocValues createdAt;
    private SentimentOrds sentiment;

    TimelineCollector(TimelinePlan plan) {
        this.plan = plan;
        this.buckets = plan.buckets();
        this.counts = new long[plan.bucketCount() * SentimentOrds.COUNT];
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        createdAt = DocValues.getNumeric(context.reader(), IndexFields.CREATED_AT);
        sentiment = new SentimentOrds(context.reader());
    }

    @Override
    public void collect(int doc) throws IOException {
        if (!createdAt.advanceExact(doc)) {
            return;
        }
        int bucket = buckets.of(createdAt.longValue());
        int s = sentiment.of(doc);
        if (bucket >= 0 && s >= 0) {
            counts[bucket * SentimentOrds.COUNT + s]++;
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The timeline collected. */
    Timeline timeline() {
        List<Timeline.Bucket> buckets = new ArrayList<>(plan.bucketCount());
        for (int b = 0; b < plan.bucketCount(); b++) {
            Map<String, Long> c = new HashMap<>();
            for (int s = 0; s < SentimentOrds.COUNT; s++) {
                c.put(PostFilter.SENTIMENT_VALUES.get(s), counts[b * SentimentOrds.COUNT + s]);
            }
            buckets.add(new Timeline.Bucket(plan.bucketStart(b), c));
        }
        return new Timeline(plan.interval(), plan.from(), plan.to(), buckets);
    }
}
