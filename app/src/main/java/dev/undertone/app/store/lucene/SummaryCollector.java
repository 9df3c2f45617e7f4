package dev.undertone.app.store.lucene;

import dev.undertone.app.store.LanguageCounts;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.Summary;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.sentiment.Sentiment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts matching documents per sentiment, the unscored ones per reason, and both per language (the
 * primary-subtag keys of the {@code lang} doc values; none: {@link LanguageCounts#NO_LANGUAGE}).
 */
final class SummaryCollector extends SimpleCollector {
    static final String UNKNOWN_REASON = "unknown";

    private final long[] counts = new long[SentimentOrds.COUNT];
    private final Map<String, Long> reasons = new HashMap<>();
    private long total;
    private SentimentOrds sentiment;
    private SortedDocValues reason;
    private long[] reasonCounts = new long[0];
    private long noReason;

    /** Per language: the counts per sentiment index, then the total at index COUNT. */
    private final Map<String, long[]> languages = new HashMap<>();

    private SortedSetDocValues lang;
    private int[] primaryOfOrd = new int[0];
    private String[] primaries = new String[0];
    private long[][] segmentLangs = new long[0][];
    private final long[] noLanguage = new long[SentimentOrds.COUNT + 1];

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flushReasons();
        flushLanguages();
        lang = DocValues.getSortedSet(context.reader(), IndexFields.LANG);
        int n = (int) lang.getValueCount();
        primaryOfOrd = new int[n];
        List<String> names = new ArrayList<>();
        for (int ord = 0; ord < n; ord++) {
            String v = lang.lookupOrd(ord).utf8ToString();
            // Each tag is indexed as itself and as its primary subtag: count the primary only.
            primaryOfOrd[ord] = v.indexOf('-') >= 0 ? -1 : names.size();
            if (primaryOfOrd[ord] >= 0) {
                names.add(v);
            }
        }
        primaries = names.toArray(new String[0]);
        segmentLangs = new long[primaries.length][SentimentOrds.COUNT + 1];
        sentiment = new SentimentOrds(context.reader());
        reason = DocValues.getSorted(context.reader(), IndexFields.UNSCORED_REASON);
        reasonCounts = new long[reason.getValueCount()];
    }

    @Override
    public void collect(int doc) throws IOException {
        total++;
        int s = sentiment.of(doc);
        countLanguage(doc, s);
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

    private void countLanguage(int doc, int s) throws IOException {
        boolean any = false;
        if (lang.advanceExact(doc)) {
            for (int i = 0; i < lang.docValueCount(); i++) {
                int p = primaryOfOrd[(int) lang.nextOrd()];
                if (p >= 0) {
                    any = true;
                    segmentLangs[p][SentimentOrds.COUNT]++;
                    if (s >= 0) {
                        segmentLangs[p][s]++;
                    }
                }
            }
        }
        if (!any) {
            noLanguage[SentimentOrds.COUNT]++;
            if (s >= 0) {
                noLanguage[s]++;
            }
        }
    }

    private void flushLanguages() {
        for (int p = 0; p < primaries.length; p++) {
            long[] c = segmentLangs[p];
            if (c[SentimentOrds.COUNT] > 0) {
                long[] sum = languages.computeIfAbsent(primaries[p], k -> new long[c.length]);
                for (int i = 0; i < c.length; i++) {
                    sum[i] += c[i];
                }
            }
        }
        segmentLangs = new long[0][];
        primaries = new String[0];
    }

    /** The counts of one language from its array (per sentiment index, then the total). */
    static LanguageCounts counts(long[] c) {
        Map<Sentiment, Long> by = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            by.put(s, c[PostFilter.SENTIMENT_VALUES.indexOf(s.name())]);
        }
        return new LanguageCounts(c[SentimentOrds.COUNT], by, c[SentimentOrds.UNSCORED]);
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The counts collected; call once, after the search. */
    Summary summary() throws IOException {
        flushReasons();
        flushLanguages();
        Map<String, LanguageCounts> byLanguage = new HashMap<>();
        languages.forEach((k, v) -> byLanguage.put(k, counts(v)));
        if (noLanguage[SentimentOrds.COUNT] > 0) {
            byLanguage.put(LanguageCounts.NO_LANGUAGE, counts(noLanguage));
        }
        if (noReason > 0) {
            reasons.merge(UNKNOWN_REASON, noReason, Long::sum);
        }
        Map<Sentiment, Long> bySentiment = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            bySentiment.put(s, counts[PostFilter.SENTIMENT_VALUES.indexOf(s.name())]);
        }
        return new Summary(total, bySentiment, counts[SentimentOrds.UNSCORED], reasons, byLanguage);
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
