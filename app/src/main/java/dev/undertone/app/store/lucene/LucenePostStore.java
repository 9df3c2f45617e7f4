package dev.undertone.app.store.lucene;

import dev.undertone.app.store.ExportSink;
import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.LanguageCounts;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostPage;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.StoreException;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.Summary;
import dev.undertone.app.store.TermField;
import dev.undertone.app.store.TimeSpan;
import dev.undertone.app.store.Timeline;
import dev.undertone.app.store.TimelinePlan;
import dev.undertone.app.store.TopTerms;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.sentiment.Sentiment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The {@link PostStore} over the embedded Lucene index, reading through a {@link SearcherManager}.
 *
 * <p>Given the writer's manager (the {@code run} command), it sees what the writer refreshes and
 * does not close it. Opened read-only over a directory ({@link #openReadOnly}, the {@code serve},
 * {@code stats} and {@code export} commands), it owns its reader and refreshes it at most once a
 * second, so a {@code replay} running beside it shows up.
 */
public final class LucenePostStore implements PostStore {
    private static final long OWN_REFRESH_MILLIS = 1000;

    /**
     * Content words are counted over at least this many of the newest matching posts (all of them
     * when fewer match): every post has a dozen, so counting a million posts' words takes too long
     * for a dashboard, and the recent ones are what a live view is about.
     */
    static final int WORDS_SAMPLE = 20_000;

    /** Hashtags and mentions are counted over at least this many of the newest posts having one. */
    static final int TAGS_SAMPLE = 100_000;

    private static final Sort OLDEST_FIRST =
            new Sort(new SortField(IndexFields.CREATED_AT, SortField.Type.LONG, false));

    private final SearcherManager manager;
    private final Directory ownedDirectory;
    private final AtomicLong lastRefresh = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final SegmentCountCache trackCounts = new SegmentCountCache();

    /**
     * A store reading through the writer's manager, which the writer refreshes and closes.
     *
     * @param manager the index writer's searcher manager
     */
    public LucenePostStore(SearcherManager manager) {
        this(manager, null);
    }

    private LucenePostStore(SearcherManager manager, Directory ownedDirectory) {
        this.manager = manager;
        this.ownedDirectory = ownedDirectory;
    }

    /**
     * Opens a read-only store over an existing index directory ({@code DATA/index}).
     *
     * @throws StoreException if there is no index there or it cannot be read
     */
    public static LucenePostStore openReadOnly(Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            throw new StoreException(
                    "opening the index: no index at "
                            + indexDir
                            + " (run 'undertone replay' or 'undertone run' first, or pass --data)",
                    null);
        }
        Directory dir = null;
        try {
            dir = FSDirectory.open(indexDir);
            return new LucenePostStore(new SearcherManager(dir, null), dir);
        } catch (IndexNotFoundException e) {
            closeQuietly(dir);
            throw new StoreException(
                    "opening the index: no index at "
                            + indexDir
                            + " (run 'undertone replay' or 'undertone run' first)",
                    e);
        } catch (IOException e) {
            closeQuietly(dir);
            throw new StoreException("opening the index at " + indexDir, e);
        }
    }

    @Override
    public Summary summary(PostFilter filter) {
        return read(
                "counting posts",
                searcher -> {
                    if (filter.isAll()) {
                        return countAll(searcher);
                    }
                    SummaryCollector c = new SummaryCollector();
                    searcher.search(LuceneQueries.of(filter), c);
                    return c.summary();
                });
    }

    /** The summary of every post from term counts, without visiting documents. */
    private static Summary countAll(IndexSearcher searcher) throws IOException {
        Map<Sentiment, Long> bySentiment = new EnumMap<>(Sentiment.class);
        for (Sentiment s : Sentiment.values()) {
            bySentiment.put(s, (long) searcher.count(termQuery(IndexFields.SENTIMENT, s.name())));
        }
        long unscored = searcher.count(termQuery(IndexFields.SENTIMENT, IndexFields.UNSCORED));
        Map<String, Long> reasons = new HashMap<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.UNSCORED_REASON);
        long withReason = 0;
        if (terms != null) {
            TermsEnum e = terms.iterator();
            for (BytesRef t = e.next(); t != null; t = e.next()) {
                String reason = t.utf8ToString();
                long n = searcher.count(termQuery(IndexFields.UNSCORED_REASON, reason));
                if (n > 0) {
                    reasons.put(reason, n);
                    withReason += n;
                }
            }
        }
        if (unscored > withReason) {
            reasons.merge(SummaryCollector.UNKNOWN_REASON, unscored - withReason, Long::sum);
        }
        return new Summary(
                searcher.getIndexReader().numDocs(),
                bySentiment,
                unscored,
                reasons,
                countLanguages(searcher));
    }

    /**
     * Every post's counts by language from term counts: for each primary language key, its posts
     * and those of each sentiment; the posts without a language are what the field lacks.
     */
    private static Map<String, LanguageCounts> countLanguages(IndexSearcher searcher)
            throws IOException {
        Map<String, LanguageCounts> out = new HashMap<>();
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.LANG);
        if (terms != null) {
            TermsEnum e = terms.iterator();
            for (BytesRef t = e.next(); t != null; t = e.next()) {
                String lang = t.utf8ToString();
                if (lang.indexOf('-') >= 0) {
                    continue; // each tag is indexed as itself and as its primary subtag
                }
                long[] c = countBySentiment(searcher, termQuery(IndexFields.LANG, lang));
                if (c[SentimentOrds.COUNT] > 0) {
                    out.put(lang, SummaryCollector.counts(c));
                }
            }
        }
        long[] all = countBySentiment(searcher, new MatchAllDocsQuery());
        long[] tagged = countBySentiment(searcher, new FieldExistsQuery(IndexFields.LANG));
        long[] none = new long[all.length];
        for (int i = 0; i < all.length; i++) {
            none[i] = all[i] - tagged[i];
        }
        if (none[SentimentOrds.COUNT] > 0) {
            out.put(LanguageCounts.NO_LANGUAGE, SummaryCollector.counts(none));
        }
        return out;
    }

    /** Posts matching {@code q}: per sentiment index, then the total at index COUNT. */
    private static long[] countBySentiment(IndexSearcher searcher, Query q) throws IOException {
        long[] c = new long[SentimentOrds.COUNT + 1];
        c[SentimentOrds.COUNT] = searcher.count(q);
        if (c[SentimentOrds.COUNT] == 0) {
            return c;
        }
        for (int i = 0; i < SentimentOrds.COUNT; i++) {
            c[i] =
                    searcher.count(
                            new BooleanQuery.Builder()
                                    .add(q, BooleanClause.Occur.FILTER)
                                    .add(
                                            termQuery(
                                                    IndexFields.SENTIMENT,
                                                    PostFilter.SENTIMENT_VALUES.get(i)),
                                            BooleanClause.Occur.FILTER)
                                    .build());
        }
        return c;
    }

    private static Query termQuery(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    @Override
    public Timeline timeline(PostFilter filter, Duration interval) {
        return read(
                "building the timeline",
                searcher -> {
                    Query query = LuceneQueries.of(filter);
                    TimeSpan span = span(searcher, query, filter);
                    TimelinePlan plan = span.plan(interval);
                    if (plan == null) {
                        return span.empty(interval);
                    }
                    TimelineCollector c = new TimelineCollector(plan);
                    searcher.search(query, c);
                    return c.timeline();
                });
    }

    @Override
    public List<Timeline> trackTimelines(
            PostFilter filter, List<String> tracks, Duration interval) {
        List<String> lower = tracks.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        return read(
                "building the tracks' timelines",
                searcher -> {
                    Query query =
                            LuceneQueries.and(
                                    LuceneQueries.of(filter), LuceneQueries.anyTrack(lower));
                    TimeSpan span = span(searcher, query, filter);
                    TimelinePlan plan = span.plan(interval);
                    if (plan == null) {
                        return lower.stream().map(t -> span.empty(interval)).toList();
                    }
                    TrackTimelineCollector c = new TrackTimelineCollector(plan, lower);
                    // The collector counts only the tracks asked for: where they hold most posts
                    // (they usually hold all: the pipeline keeps only tracked posts), walking the
                    // filter's matches is cheaper than merging the tracks' posting lists.
                    boolean most =
                            postsOf(searcher, lower) * 2 >= searcher.getIndexReader().numDocs();
                    Query walked = most ? LuceneQueries.of(filter) : query;
                    return c.timelines(trackCounts.count(searcher, walked, lower, plan, c));
                });
    }

    /** How many posts matched each of the tracks, summed (a post of two tracks counts twice). */
    private static long postsOf(IndexSearcher searcher, List<String> tracks) throws IOException {
        long n = 0;
        for (String t : tracks) {
            n += searcher.getIndexReader().docFreq(new Term(IndexFields.TRACKS, t));
        }
        return n;
    }

    /** The filter's range, or that of the matches where it gives none. */
    private static TimeSpan span(IndexSearcher searcher, Query query, PostFilter filter)
            throws IOException {
        Instant first = filter.from() != null ? filter.from() : oldest(searcher, query);
        Instant last = filter.to() != null ? filter.to().minusMillis(1) : newest(searcher, query);
        return new TimeSpan(first, last);
    }

    @Override
    public PostPage posts(PostFilter filter, int limit) {
        return read(
                "searching posts",
                searcher -> {
                    Query query = LuceneQueries.of(filter);
                    TopFieldDocs top =
                            NewestWindow.top(searcher, query, limit, toMillis(filter.to()));
                    StoredFields stored = searcher.storedFields();
                    List<StoredPost> posts = new ArrayList<>(top.scoreDocs.length);
                    for (ScoreDoc sd : top.scoreDocs) {
                        posts.add(PostDocuments.fromDocument(stored.document(sd.doc)));
                    }
                    return new PostPage(searcher.count(query), posts);
                });
    }

    @Override
    public TopTerms terms(PostFilter filter, TermField field, int limit) {
        return read(
                "counting terms",
                searcher -> {
                    // Led by the posts that have the field at all (a third have hashtags).
                    Query query =
                            LuceneQueries.and(
                                    LuceneQueries.of(filter),
                                    new FieldExistsQuery(field.indexField()));
                    Instant since = null;
                    int sample = field == TermField.WORDS ? WORDS_SAMPLE : TAGS_SAMPLE;
                    Long lo = NewestWindow.lowerBoundForNewest(searcher, query, sample);
                    if (lo != null
                            && (filter.from() == null || lo > filter.from().toEpochMilli())) {
                        since = Instant.ofEpochMilli(lo);
                        query =
                                LuceneQueries.and(
                                        query,
                                        LongPoint.newRangeQuery(
                                                IndexFields.CREATED_AT, lo, Long.MAX_VALUE));
                    }
                    TermsCollector c = new TermsCollector(field, limit, since);
                    searcher.search(query, c);
                    return c.topTerms();
                });
    }

    @Override
    public long export(PostFilter filter, ExportSink sink) throws IOException {
        IndexSearcher searcher = acquire();
        try {
            ExportCollector c = new ExportCollector();
            searcher.search(LuceneQueries.of(filter), c);
            StoredFields stored = searcher.storedFields();
            long n = 0;
            for (int doc : c.docsOldestFirst()) {
                Document d = stored.document(doc);
                sink.accept(PostDocuments.fromDocument(d));
                n++;
            }
            return n;
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("q", "matches too many terms; make it more specific");
        } finally {
            manager.release(searcher);
        }
    }

    @Override
    public List<String> trackNames() {
        return read(
                "listing the tracks",
                searcher -> {
                    // The terms dictionary lists every phrase once; deleted posts may leave one
                    // behind until a merge, so each is checked to still have posts.
                    List<String> out = new ArrayList<>();
                    Terms terms =
                            MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.TRACKS);
                    if (terms == null) {
                        return out;
                    }
                    TermsEnum e = terms.iterator();
                    for (BytesRef t = e.next();
                            t != null && out.size() < MAX_TERMS_LIMIT;
                            t = e.next()) {
                        String track = t.utf8ToString();
                        if (searcher.count(termQuery(IndexFields.TRACKS, track)) > 0) {
                            out.add(track);
                        }
                    }
                    return out;
                });
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || ownedDirectory == null) {
            return;
        }
        try {
            manager.close();
        } catch (IOException e) {
            throw new StoreException("closing the index reader", e);
        } finally {
            closeQuietly(ownedDirectory);
        }
    }

    /** The earliest creation time among the matches, or null when nothing matches. */
    private static Instant oldest(IndexSearcher searcher, Query query) throws IOException {
        // Ascending over data that arrives in ascending order: the points skip nearly everything.
        return firstTime(searcher.search(query, 1, OLDEST_FIRST, false));
    }

    /** The latest creation time among the matches, or null when nothing matches. */
    private static Instant newest(IndexSearcher searcher, Query query) throws IOException {
        return firstTime(NewestWindow.top(searcher, query, 1, null));
    }

    private static Instant firstTime(TopFieldDocs top) {
        if (top.scoreDocs.length == 0) {
            return null;
        }
        return Instant.ofEpochMilli((Long) ((FieldDoc) top.scoreDocs[0]).fields[0]);
    }

    private static Long toMillis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    /** For tests: how many segments' track counts are kept. */
    int keptSegmentCounts() {
        return trackCounts.size();
    }

    /** For benchmarks: forgets the kept track counts, as if every segment were new. */
    void forgetKeptCounts() {
        trackCounts.clear();
    }

    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(String what, Read<T> body) {
        IndexSearcher searcher;
        try {
            searcher = acquire();
        } catch (IOException e) {
            throw new StoreException(what + ": the index cannot be read", e);
        }
        try {
            return body.apply(searcher);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("q", "matches too many terms; make it more specific");
        } catch (IOException e) {
            throw new StoreException(what + ": reading the index failed", e);
        } finally {
            try {
                manager.release(searcher);
            } catch (IOException e) {
                throw new StoreException(what + ": releasing the index reader failed", e);
            }
        }
    }

    private IndexSearcher acquire() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("the post store is closed (a bug in the caller)");
        }
        long now = System.currentTimeMillis();
        long last = lastRefresh.get();
        if (ownedDirectory != null
                && now - last >= OWN_REFRESH_MILLIS
                && lastRefresh.compareAndSet(last, now)) {
            manager.maybeRefresh();
        }
        return manager.acquire();
    }

    private static void closeQuietly(Directory dir) {
        if (dir == null) {
            return;
        }
        try {
            dir.close();
        } catch (IOException ignored) {
            // Closing after a failure: the first error is the one worth reporting.
        }
    }

    /** For tests: the reader's document count, to wait for a refresh. */
    int numDocs() {
        return read("counting documents", s -> ((DirectoryReader) s.getIndexReader()).numDocs());
    }
}
