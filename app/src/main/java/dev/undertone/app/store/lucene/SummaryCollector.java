package dev.undertone.app.store.lucene;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.Summary;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.sentiment.Sentiment;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts matching documents per sentiment, and the unscored ones per reason. */
final class SummaryCollector extends SimpleCollector {
    static final String UNKNOWN_REASON = "unknown";

    private final long[] counts = new long[SentimentOrds.COUNT];
    private final Map<String, Long> reasons = new HashMap<>();
    private long total;
    private SentimentOrds sentiment;
    private SortedDocValues reason;
    private long[] reasonCounts = new long[0];
    private long noReason;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flushReasons();
        sentiment = new SentimentOrds(context.reader());
        reason = DocValues.getSorted(context.reader(), IndexFields.UNSCORED_REASON);
        reasonCounts = new long[reason.getValueCount()];
    }

    @Override
    public void collect(int doc) throws IOException {
        total++;
        int s = sentiment.of(doc);
        if (s < 0) {
            return;
        }
        counts[s]++;
        if (s == SentimentOrds.UNSCORED) {
            if (reason.advanceExact(doc)) {
                reasonCounts[reason.ordValue()]++;
            } else {
                noReason++;
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The counts collected; call once, after the search. */
    Summary summary() throws IOException {
        flushReasons();
        if (noReason > 0) {
            reasons.merge(UNKNOWN_REASON, noReason, Long::sum);
        }
        Map<Sentiment, Long> bySentiment = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            bySentiment.put(s, counts[PostFilter.SENTIMENT_VALUES.indexOf(s.name())]);
        }
        return new Summary(total, bySentiment, counts[SentimentOrds.UNSCORED], reasons);
    }

    private void flushReasons() throws IOException {
        for (int ord = 0; ord < reasonCounts.length; ord++) {
            if (reasonCounts[ord] > 0) {
                reasons.merge(reason.lookupOrd(ord).utf8ToString(), reasonCounts[ord], Long::sum);
            }
        }
        reasonCounts = new long[0];
    }
}
