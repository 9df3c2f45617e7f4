package dev.undertone.app.store.lucene;

import dev.undertone.app.store.TimelinePlan;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The tracks' counts per segment ({@link TrackTimelineCollector}), kept between requests. What a
 * segment holds never changes (a delete gives it a new reader, with a new cache key), so a request
 * counts only the segments that are new since it was last answered: while posts stream in, the few
 * small segments of the last refreshes, not the million posts of the merged ones. As OpenSearch's
 * shard request cache does for aggregations. Bounded: the least recently used counts go first.
 */
final class SegmentCountCache {
    /** The most counts kept, over all segments and requests: 16 MB. */
    static final long MAX_COUNTS = 2_000_000;

    private record Key(Object segment, Query query, List<String> tracks, TimelinePlan plan) {}

    private final Map<Key, long[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final long maxCounts;
    private long counts;

    SegmentCountCache() {
        this(MAX_COUNTS);
    }

    /** For tests: a cache that keeps at most {@code maxCounts} counts. */
    SegmentCountCache(long maxCounts) {
        this.maxCounts = maxCounts;
    }

    /**
     * The counts of the query's matches in every segment of the searcher, summed: those of a
     * segment counted before for the same query, tracks and plan are reused, the others counted and
     * kept.
     */
    long[] count(
            IndexSearcher searcher,
            Query query,
            List<String> tracks,
            TimelinePlan plan,
            TrackTimelineCollector collector)
            throws IOException {
        long[] total = new long[collector.size()];
        Weight weight = null;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            IndexReader.CacheHelper helper = leaf.reader().getReaderCacheHelper();
            Key key = helper == null ? null : new Key(helper.getKey(), query, tracks, plan);
            long[] segment = key == null ? null : get(key);
            if (segment == null) {
                if (weight == null) {
                    weight =
                            searcher.createWeight(
                                    searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
                }
                segment = collector.countSegment(weight, leaf);
                if (key != null) {
                    put(key, segment);
                }
            }
            for (int i = 0; i < total.length; i++) {
                total[i] += segment[i];
            }
        }
        return total;
    }

    /** Forgets every count kept. */
    synchronized void clear() {
        entries.clear();
        counts = 0;
    }

    /** How many segments' counts are kept. */
    synchronized int size() {
        return entries.size();
    }

    private synchronized long[] get(Key key) {
        return entries.get(key);
    }

    private synchronized void put(Key key, long[] segment) {
        if (segment.length > maxCounts || entries.containsKey(key)) {
            return;
        }
        entries.put(key, segment);
        counts += segment.length;
        Iterator<long[]> eldest = entries.values().iterator();
        while (counts > maxCounts && eldest.hasNext()) {
            counts -= eldest.next().length;
            eldest.remove();
        }
    }
}
