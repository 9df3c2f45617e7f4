package dev.undertone.app.store.lucene;

import dev.undertone.app.store.ExportSink;
import dev.undertone.app.store.InvalidQueryException;
import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.PostPage;
import dev.undertone.app.store.PostStore;
import dev.undertone.app.store.StoreException;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.Summary;
import dev.undertone.app.store.TermField;
import dev.undertone.app.store.Timeline;
import dev.undertone.app.store.TimelinePlan;
import dev.undertone.app.store.TopTerms;
import dev.undertone.core.index.IndexFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

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
    private static final Sort NEWEST_FIRST =
            new Sort(
                    new SortField(IndexFields.CREATED_AT, SortField.Type.LONG, true),
                    new SortField(IndexFields.KEY, SortField.Type.STRING, true));
    private static final Sort OLDEST_FIRST =
            new Sort(new SortField(IndexFields.CREATED_AT, SortField.Type.LONG, false));

    private final SearcherManager manager;
    private final Directory ownedDirectory;
    private final AtomicLong lastRefresh = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

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
                    SummaryCollector c = new SummaryCollector();
                    searcher.search(LuceneQueries.of(filter), c);
                    return c.summary();
                });
    }

    @Override
    public Timeline timeline(PostFilter filter, Duration interval) {
        return read(
                "building the timeline",
                searcher -> {
                    Query query = LuceneQueries.of(filter);
                    Instant first =
                            filter.from() != null ? filter.from() : edge(searcher, query, false);
                    Instant last =
                            filter.to() != null
                                    ? filter.to().minusMillis(1)
                                    : edge(searcher, query, true);
                    if (first == null || last == null || last.isBefore(first)) {
                        return new Timeline(
                                interval == null ? Duration.ofMinutes(1) : interval,
                                first == null ? Instant.EPOCH : first,
                                first == null ? Instant.EPOCH : first,
                                List.of());
                    }
                    TimelineCollector c =
                            new TimelineCollector(TimelinePlan.of(interval, first, last));
                    searcher.search(query, c);
                    return c.timeline();
                });
    }

    @Override
    public PostPage posts(PostFilter filter, int limit) {
        return read(
                "searching posts",
                searcher -> {
                    Query query = LuceneQueries.of(filter);
                    TopFieldDocs top = searcher.search(query, limit, NEWEST_FIRST, false);
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
                    TermsCollector c = new TermsCollector(field, limit);
                    searcher.search(LuceneQueries.of(filter), c);
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

    /** The earliest or latest creation time among the matches, or null when nothing matches. */
    private static Instant edge(IndexSearcher searcher, Query query, boolean latest)
            throws IOException {
        TopFieldDocs top = searcher.search(query, 1, latest ? NEWEST_FIRST : OLDEST_FIRST, false);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        Object value = ((FieldDoc) top.scoreDocs[0]).fields[0];
        return Instant.ofEpochMilli((Long) value);
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
