package dev.undertone.app.store.lucene;

import dev.undertone.core.index.IndexFields;
import java.io.IOException;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Finds the newest matching posts without sorting every match.
 *
 * <p>Posts arrive roughly in creation order, so a descending sort over all matches makes nearly
 * every document competitive (hundreds of milliseconds at a million posts). Instead the search
 * looks at the last window of creation time, growing it until it holds enough matches: whatever
 * lies outside the window is older than everything in it, so the answer is exact.
 */
final class NewestWindow {
    static final Sort NEWEST_FIRST =
            new Sort(
                    new SortField(IndexFields.CREATED_AT, SortField.Type.LONG, true),
                    new SortField(IndexFields.KEY, SortField.Type.STRING, true));

    private static final long MIN_WINDOW_MILLIS = 1000;
    private static final int GROWTH = 4;
    private static final int SLACK = 4;

    private NewestWindow() {}

    /** The newest {@code n} matches of the query created before {@code toExclusive} (or ever). */
    static TopFieldDocs top(IndexSearcher searcher, Query query, int n, Long toExclusive)
            throws IOException {
        Range r = range(searcher, toExclusive);
        if (r == null) {
            return searcher.search(query, n, NEWEST_FIRST, false);
        }
        long window = initialWindow(searcher, r, n);
        while (true) {
            long lo = Math.max(r.min, r.max - window);
            TopFieldDocs top = searcher.search(within(query, lo, r.max), n, NEWEST_FIRST, false);
            if (top.scoreDocs.length >= n || lo <= r.min) {
                return top;
            }
            window = window > Long.MAX_VALUE / GROWTH ? Long.MAX_VALUE : window * GROWTH;
        }
    }

    /**
     * The earliest creation time {@code lo} such that at least {@code n} matches lie in {@code [lo,
     * max]} (or the earliest of all when fewer match), for counting over the newest posts only.
     *
     * @return the lower bound in epoch millis, or null when no bound is needed (fewer than about
     *     {@code n} posts match, or the index is empty)
     */
    static Long lowerBoundForNewest(IndexSearcher searcher, Query query, int n) throws IOException {
        Range r = range(searcher, null);
        if (r == null) {
            return null;
        }
        long window = initialWindow(searcher, r, n);
        while (true) {
            long lo = Math.max(r.min, r.max - window);
            if (lo <= r.min) {
                return null;
            }
            if (searcher.count(within(query, lo, r.max)) >= n) {
                return lo;
            }
            window = window > Long.MAX_VALUE / GROWTH ? Long.MAX_VALUE : window * GROWTH;
        }
    }

    private record Range(long min, long max) {}

    private static Range range(IndexSearcher searcher, Long toExclusive) throws IOException {
        byte[] minPacked =
                PointValues.getMinPackedValue(searcher.getIndexReader(), IndexFields.CREATED_AT);
        byte[] maxPacked =
                PointValues.getMaxPackedValue(searcher.getIndexReader(), IndexFields.CREATED_AT);
        if (minPacked == null || maxPacked == null) {
            return null;
        }
        long min = LongPoint.decodeDimension(minPacked, 0);
        long max = LongPoint.decodeDimension(maxPacked, 0);
        if (toExclusive != null) {
            max = Math.min(max, toExclusive - 1);
        }
        return max < min ? null : new Range(min, max);
    }

    /** A window expected to hold a few times {@code n} posts if they were spread evenly. */
    private static long initialWindow(IndexSearcher searcher, Range r, int n) {
        long docs = Math.max(1, searcher.getIndexReader().numDocs());
        double span = (double) r.max - r.min + 1;
        return Math.max(
                MIN_WINDOW_MILLIS, (long) (span * Math.min(1.0, (double) n * SLACK / docs)));
    }

    private static Query within(Query query, long lo, long hi) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.FILTER)
                .add(
                        LongPoint.newRangeQuery(IndexFields.CREATED_AT, lo, hi),
                        BooleanClause.Occur.FILTER)
                .build();
    }
}
