package dev.undertone.app.store.lucene;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.TermField;
import dev.undertone.app.store.TopTerms;
import dev.undertone.app.store.TopTerms.TermCount;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;

/**
 * Counts the terms of a multi-valued keyword field among matching documents, per sentiment and
 * overall.
 *
 * <p>Counting is by segment ordinal (no string per document). Candidates are each segment's most
 * frequent terms (a few times the limit, like OpenSearch's {@code shard_size}); every candidate is
 * then counted exactly across all segments, so the counts shown are exact and only a term that is
 * frequent overall yet never near the top of any segment could be missed.
 */
final class TermsCollector extends SimpleCollector {
    /** Columns of the per-segment count table: one per sentiment value, then the total. */
    private static final int COLUMNS = SentimentOrds.COUNT + 1;

    private static final int TOTAL = SentimentOrds.COUNT;
    private static final int MIN_CANDIDATES = 50;
    private static final int CANDIDATES_PER_LIMIT = 4;

    private final TermField field;
    private final int limit;
    private final Instant countedSince;
    private final List<Leaf> leaves = new ArrayList<>();
    private Leaf leaf;

    private record Leaf(SortedSetDocValues values, SentimentOrds sentiment, int[] counts) {}

    TermsCollector(TermField field, int limit, Instant countedSince) {
        this.field = field;
        this.limit = limit;
        this.countedSince = countedSince;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        SortedSetDocValues values = DocValues.getSortedSet(context.reader(), field.indexField());
        long n = values.getValueCount();
        leaf =
                n == 0
                        ? null
                        : new Leaf(
                                values,
                                new SentimentOrds(context.reader()),
                                new int[Math.toIntExact(n * COLUMNS)]);
        if (leaf != null) {
            leaves.add(leaf);
        }
    }

    @Override
    public void collect(int doc) throws IOException {
        if (leaf == null || !leaf.values.advanceExact(doc)) {
            return;
        }
        int s = leaf.sentiment.of(doc);
        int[] counts = leaf.counts;
        for (int i = leaf.values.docValueCount(); i > 0; i--) {
            int base = (int) leaf.values.nextOrd() * COLUMNS;
            counts[base + TOTAL]++;
            if (s >= 0) {
                counts[base + s]++;
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The top terms collected. */
    TopTerms topTerms() throws IOException {
        Map<String, long[]> exact = new HashMap<>();
        for (BytesRef term : candidates()) {
            long[] sum = new long[COLUMNS];
            for (Leaf l : leaves) {
                long ord = l.values.lookupTerm(term);
                if (ord >= 0) {
                    int base = (int) ord * COLUMNS;
                    for (int c = 0; c < COLUMNS; c++) {
                        sum[c] += l.counts[base + c];
                    }
                }
            }
            exact.put(term.utf8ToString(), sum);
        }
        Map<String, List<TermCount>> bySentiment = new HashMap<>();
        for (int s = 0; s < SentimentOrds.COUNT; s++) {
            bySentiment.put(PostFilter.SENTIMENT_VALUES.get(s), top(exact, s));
        }
        return new TopTerms(field, top(exact, TOTAL), bySentiment, countedSince);
    }

    private Set<BytesRef> candidates() throws IOException {
        int perLeaf = Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_LIMIT);
        Set<BytesRef> out = new HashSet<>();
        for (Leaf l : leaves) {
            int terms = l.counts.length / COLUMNS;
            for (int c = 0; c < COLUMNS; c++) {
                int column = c;
                PriorityQueue<Integer> heap =
                        new PriorityQueue<>(
                                Comparator.comparingInt(ord -> l.counts[ord * COLUMNS + column]));
                for (int ord = 0; ord < terms; ord++) {
                    if (l.counts[ord * COLUMNS + c] == 0) {
                        continue;
                    }
                    if (heap.size() < perLeaf) {
                        heap.add(ord);
                    } else if (l.counts[heap.peek() * COLUMNS + c] < l.counts[ord * COLUMNS + c]) {
                        heap.poll();
                        heap.add(ord);
                    }
                }
                for (int ord : heap) {
                    out.add(BytesRef.deepCopyOf(l.values.lookupOrd(ord)));
                }
            }
        }
        return out;
    }

    private List<TermCount> top(Map<String, long[]> exact, int column) {
        return exact.entrySet().stream()
                .filter(e -> e.getValue()[column] > 0)
                .sorted(
                        Comparator.<Map.Entry<String, long[]>>comparingLong(
                                        e -> -e.getValue()[column])
                                .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> new TermCount(e.getKey(), e.getValue()[column]))
                .toList();
    }
}
