package dev.undertone.app.store.lucene;

import dev.undertone.core.index.IndexFields;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.IntroSorter;

/**
 * Collects the matching documents' ids with their creation times, so an export can read them oldest
 * first: 16 bytes per match, never the documents themselves.
 */
final class ExportCollector extends SimpleCollector {
    private static final int INITIAL = 1024;

    private long[] times = new long[INITIAL];
    private int[] docs = new int[INITIAL];
    private int size;
    private int docBase;
    private NumericDocValues createdAt;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        docBase = context.docBase;
        createdAt = DocValues.getNumeric(context.reader(), IndexFields.CREATED_AT);
    }

    @Override
    public void collect(int doc) throws IOException {
        if (size == docs.length) {
            docs = Arrays.copyOf(docs, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        times[size] = createdAt.advanceExact(doc) ? createdAt.longValue() : Long.MIN_VALUE;
        docs[size++] = docBase + doc;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The global doc ids collected, oldest first (ties in index order). */
    int[] docsOldestFirst() {
        new IntroSorter() {
            private long pivotTime;
            private int pivotDoc;

            @Override
            protected void swap(int i, int j) {
                long t = times[i];
                times[i] = times[j];
                times[j] = t;
                int d = docs[i];
                docs[i] = docs[j];
                docs[j] = d;
            }

            @Override
            protected void setPivot(int i) {
                pivotTime = times[i];
                pivotDoc = docs[i];
            }

            @Override
            protected int comparePivot(int j) {
                int c = Long.compare(pivotTime, times[j]);
                return c != 0 ? c : Integer.compare(pivotDoc, docs[j]);
            }
        }.sort(0, size);
        return Arrays.copyOf(docs, size);
    }
}
