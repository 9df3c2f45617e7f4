package dev.undertone.app.store.lucene;

import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Revisions;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * Whether a post key is stored (in a live document) in one point-in-time view of the index, for the
 * lookups of one batch of writes. Each segment's terms enumerator is opened once per batch and
 * reused for every key, instead of once per key: opening one allocates its frames and arcs, which
 * was the largest allocation of a replay. Segments are searched newest first, where an edited or
 * deleted post most likely is. Not thread-safe.
 */
final class StoredKeys {
    private final List<LeafReaderContext> leaves;
    private final TermsEnum[] enums;
    private final boolean[] opened;
    private final BytesRefBuilder term = new BytesRefBuilder();
    private PostingsEnum postings;
    private LeafReader foundLeaf;
    private int foundDoc = -1;

    StoredKeys(IndexReader reader) {
        this.leaves = reader.leaves();
        this.enums = new TermsEnum[leaves.size()];
        this.opened = new boolean[leaves.size()];
    }

    /** Whether a live document has this key. */
    boolean contains(String key) throws IOException {
        return seek(key);
    }

    /**
     * Finds the live document with this key; on true, {@link #leaf} and {@link #doc} say where it
     * is (for reading its doc values).
     */
    boolean seek(String key) throws IOException {
        term.copyChars(key);
        for (int i = leaves.size() - 1; i >= 0; i--) {
            TermsEnum te = termsEnum(i);
            if (te == null || !te.seekExact(term.get())) {
                continue;
            }
            Bits live = leaves.get(i).reader().getLiveDocs();
            postings = te.postings(postings, PostingsEnum.NONE);
            for (int d = postings.nextDoc();
                    d != DocIdSetIterator.NO_MORE_DOCS;
                    d = postings.nextDoc()) {
                if (live == null || live.get(d)) {
                    foundLeaf = leaves.get(i).reader();
                    foundDoc = d;
                    return true;
                }
            }
        }
        return false;
    }

    /** The segment of the document the last successful {@link #seek} found. */
    LeafReader leaf() {
        return foundLeaf;
    }

    /** The document (within {@link #leaf}) the last successful {@link #seek} found. */
    int doc() {
        return foundDoc;
    }

    /**
     * The revision of the document the last successful {@link #seek} found, or {@link
     * Revisions#UNKNOWN} when it has none.
     */
    long revision() throws IOException {
        NumericDocValues values = DocValues.getNumeric(foundLeaf, IndexFields.REVISION);
        return values.advanceExact(foundDoc) ? values.longValue() : Revisions.UNKNOWN;
    }

    private TermsEnum termsEnum(int leaf) throws IOException {
        if (!opened[leaf]) {
            opened[leaf] = true;
            Terms terms = leaves.get(leaf).reader().terms(IndexFields.KEY);
            enums[leaf] = terms == null ? null : terms.iterator();
        }
        return enums[leaf];
    }
}
