package dev.undertone.app.store.lucene;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.Timeline;
import dev.undertone.app.store.TimelinePlan;
import dev.undertone.core.index.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Counts matching documents per track, planned time bucket and sentiment, in one pass: each
 * document's creation time and sentiment are read once, and it counts for every one of the tracks
 * it matched (read from the tracks' doc values by ordinal, never as strings). Counts one segment at
 * a time ({@link #countSegment}), so that a segment's counts can be kept ({@link
 * SegmentCountCache}).
 */
final class TrackTimelineCollector extends SimpleCollector {
    private final TimelinePlan plan;
    private final TimelinePlan.Buckets buckets;
    private final BytesRef[] tracks;
    private final int stride;

    /** The segment being counted: per track, then per bucket and sentiment. */
    private long[] counts;

    private NumericDocValues createdAt;
    private SentimentOrds sentiment;
    private SortedSetDocValues trackValues;

    /** The same, where no post of the segment has more than one track (the common case). */
    private SortedDocValues singleTrack;

    /** The track index of each ordinal of the segment's tracks field, or -1 for other tracks. */
    private int[] trackOfOrd;

    /**
     * @param plan the buckets
     * @param tracks the tracks, lower-cased as indexed
     */
    TrackTimelineCollector(TimelinePlan plan, List<String> tracks) {
        this.plan = plan;
        this.buckets = plan.buckets();
        this.tracks = tracks.stream().map(BytesRef::new).toArray(BytesRef[]::new);
        this.stride = plan.bucketCount() * SentimentOrds.COUNT;
    }

    /** How many counts {@link #countSegment} returns. */
    int size() {
        return tracks.length * stride;
    }

    /**
     * Counts the matches of one segment.
     *
     * @return per track, then per bucket and sentiment, {@link #size} counts (a new array)
     */
    long[] countSegment(Weight weight, LeafReaderContext leaf) throws IOException {
        counts = new long[size()];
        BulkScorer scorer = weight.bulkScorer(leaf);
        if (scorer != null) {
            LeafCollector collector = getLeafCollector(leaf);
            scorer.score(collector, leaf.reader().getLiveDocs());
            collector.finish();
        }
        return counts;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        createdAt = DocValues.getNumeric(context.reader(), IndexFields.CREATED_AT);
        sentiment = new SentimentOrds(context.reader());
        trackValues = DocValues.getSortedSet(context.reader(), IndexFields.TRACKS);
        singleTrack = DocValues.unwrapSingleton(trackValues);
        // A segment holds few distinct tracks (the phrases in force when it was written).
        trackOfOrd = new int[(int) Math.min(trackValues.getValueCount(), Integer.MAX_VALUE)];
        Arrays.fill(trackOfOrd, -1);
        for (int t = 0; t < tracks.length; t++) {
            long ord = trackValues.lookupTerm(tracks[t]);
            if (ord >= 0) {
                trackOfOrd[(int) ord] = t;
            }
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        if (singleTrack != null) {
            if (!singleTrack.advanceExact(doc)) {
                return;
            }
            int t = trackOfOrd[singleTrack.ordValue()];
            int cell = t < 0 ? -1 : cell(doc);
            if (cell >= 0) {
                counts[t * stride + cell]++;
            }
            return;
        }
        if (!trackValues.advanceExact(doc)) {
            return;
        }
        int cell = cell(doc);
        if (cell < 0) {
            return;
        }
        for (int i = trackValues.docValueCount(); i > 0; i--) {
            int t = trackOfOrd[(int) trackValues.nextOrd()];
            if (t >= 0) {
                counts[t * stride + cell]++;
            }
        }
    }

    /** The bucket and sentiment cell of a document, or -1 when it is outside the plan. */
    private int cell(int doc) throws IOException {
        if (!createdAt.advanceExact(doc)) {
            return -1;
        }
        int bucket = buckets.of(createdAt.longValue());
        int s = sentiment.of(doc);
        return bucket < 0 || s < 0 ? -1 : bucket * SentimentOrds.COUNT + s;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The timeline of each track, in the order given, from the counts of every segment summed. */
    List<Timeline> timelines(long[] counts) {
        List<Timeline> out = new ArrayList<>(tracks.length);
        for (int t = 0; t < tracks.length; t++) {
            List<Timeline.Bucket> buckets = new ArrayList<>(plan.bucketCount());
            for (int b = 0; b < plan.bucketCount(); b++) {
                Map<String, Long> c = new HashMap<>();
                for (int s = 0; s < SentimentOrds.COUNT; s++) {
                    c.put(
                            PostFilter.SENTIMENT_VALUES.get(s),
                            counts[t * stride + b * SentimentOrds.COUNT + s]);
                }
                buckets.add(new Timeline.Bucket(plan.bucketStart(b), c));
            }
            out.add(new Timeline(plan.interval(), plan.from(), plan.to(), buckets));
        }
        return out;
    }
}
