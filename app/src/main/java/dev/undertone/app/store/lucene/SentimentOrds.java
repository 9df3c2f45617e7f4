package dev.undertone.app.store.lucene;

import dev.undertone.app.store.PostFilter;
import dev.undertone.core.index.IndexFields;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;

/**
 * The sentiment of each document of one segment as an index into {@link
 * PostFilter#SENTIMENT_VALUES}, read from the sorted doc values without decoding strings per
 * document.
 */
final class SentimentOrds {
    /** How many sentiment values there are (the four labels and UNSCORED). */
    static final int COUNT = PostFilter.SENTIMENT_VALUES.size();

    /** The index of UNSCORED. */
    static final int UNSCORED = PostFilter.SENTIMENT_VALUES.indexOf(IndexFields.UNSCORED);

    private final SortedDocValues values;
    private final int[] indexOfOrd;

    SentimentOrds(LeafReader reader) throws IOException {
        values = DocValues.getSorted(reader, IndexFields.SENTIMENT);
        indexOfOrd = new int[values.getValueCount()];
        for (int ord = 0; ord < indexOfOrd.length; ord++) {
            indexOfOrd[ord] =
                    PostFilter.SENTIMENT_VALUES.indexOf(values.lookupOrd(ord).utf8ToString());
        }
    }

    /** The sentiment index of a document (doc ids in increasing order), or -1 if it has none. */
    int of(int doc) throws IOException {
        return values.advanceExact(doc) ? indexOfOrd[values.ordValue()] : -1;
    }
}
