package dev.undertone.app.store.lucene;

import dev.undertone.app.store.WriteCounts;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.stage.PostWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded index writer: applies post writes with the post key as the document id, makes them
 * searchable on a short interval, and commits them together with the journal offset they reach, so
 * a restart resumes from exactly what the index holds.
 *
 * <p>Owned by one thread (the processor's indexing thread): {@link #apply}, {@link #refresh} and
 * {@link #close} are not thread-safe; {@link #prepare} and {@link #commit} may run on other
 * threads. Searches go through {@link #searcherManager()}, which is thread-safe.
 */
public final class LuceneIndex implements AutoCloseable {
    /** Commit user data key: the journal offset of the first record not yet in the index. */
    public static final String JOURNAL_OFFSET = "journal_offset";

    private static final Logger LOG = LoggerFactory.getLogger(LuceneIndex.class);
    private static final long MIN_BLOOM_CAPACITY = 4_000_000;
    private static final java.time.Duration MAX_REFRESH_INTERVAL = java.time.Duration.ofSeconds(1);

    /**
     * The refresh interval while a large backlog is worked off (a replay, a restart after a long
     * stop): each refresh flushes a segment, and small segments cost their flush and then merge
     * after merge; 5 s lets the writer's RAM buffer decide the segment size instead.
     */
    private static final java.time.Duration BACKLOG_REFRESH_INTERVAL =
            java.time.Duration.ofSeconds(5);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LuceneIndexConfig config;
    private final Clock clock;

    /** Keys written since the searchers last included them: whether they exist, and when. */
    private final Map<String, Pending> unrefreshed = new HashMap<>();

    private long generation;

    /** Whether the posts each refresh makes visible are kept for a listener (the live feed). */
    private boolean publishing = true;

    private final List<ScoredPost> unpublished = new ArrayList<>();
    private final List<String> unpublishedDeletes = new ArrayList<>();
    private KeyBloomFilter keys;
    private volatile long committedOffset;
    private volatile long appliedOffset;
    private volatile boolean uncommitted;
    private long lastRefreshNanos = System.nanoTime();
    private volatile long lastCommitNanos = System.nanoTime();
    private final Object commitLock = new Object();

    private final long minBloomCapacity;

    private LuceneIndex(Path path, LuceneIndexConfig config, Clock clock, long minBloomCapacity)
            throws IOException {
        this.minBloomCapacity = minBloomCapacity;
        this.config = config;
        this.clock = clock;
        this.directory = FSDirectory.open(path);
        IndexWriterConfig iwc = new IndexWriterConfig(PostDocuments.analyzer());
        iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        iwc.setRAMBufferSizeMB(config.ramBufferMb());
        iwc.setCommitOnClose(false);
        this.writer = new IndexWriter(directory, iwc);
        this.searchers = new SearcherManager(writer, null);
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        this.committedOffset = Long.parseLong(data.getOrDefault(JOURNAL_OFFSET, "0"));
        this.appliedOffset = committedOffset;
        this.keys = loadKeys();
    }

    /** Opens the index in {@code path}, creating it when missing. */
    public static LuceneIndex open(Path path, LuceneIndexConfig config, Clock clock)
            throws IOException {
        return new LuceneIndex(path, config, clock, MIN_BLOOM_CAPACITY);
    }

    /** For tests: a small key filter, so that it fills up and is rebuilt. */
    static LuceneIndex openWithKeyCapacity(
            Path path, LuceneIndexConfig config, Clock clock, long minBloomCapacity)
            throws IOException {
        return new LuceneIndex(path, config, clock, minBloomCapacity);
    }

    /** The journal offset of the first record the last commit does not include. */
    public long committedOffset() {
        return committedOffset;
    }

    /** The journal offset after the last applied batch (committed or not). */
    public long appliedOffset() {
        return appliedOffset;
    }

    /**
     * Whether each refresh returns the posts and deletes it made visible (default true). With
     * nobody to tell (a replay), false spares holding every post of a refresh interval in memory.
     */
    public void publishing(boolean publish) {
        this.publishing = publish;
    }

    /** Searchers over the near-real-time view, refreshed by {@link #refresh}. */
    public SearcherManager searcherManager() {
        return searchers;
    }

    /**
     * Builds the documents of a batch of writes. Pure and thread-safe, so it can run on another
     * thread than {@link #apply(Prepared, long)}.
     */
    public Prepared prepare(List<PostWrite> writes) {
        Instant now = clock.instant();
        List<Document> docs = new ArrayList<>(writes.size());
        for (PostWrite w : writes) {
            docs.add(
                    w instanceof PostWrite.Upsert u
                            ? PostDocuments.toDocument(u.post(), now)
                            : null);
        }
        return new Prepared(writes, docs);
    }

    /** Writes with their documents built; deletes have a null document. */
    public record Prepared(List<PostWrite> writes, List<Document> documents) {}

    /** Prepares and applies writes in one go (see {@link #apply(Prepared, long)}). */
    public WriteCounts apply(List<PostWrite> writes, long offsetAfter) throws IOException {
        return apply(prepare(writes), offsetAfter);
    }

    /**
     * Applies prepared writes in order and records that the journal is processed up to {@code
     * offsetAfter}. Not searchable until the next refresh, not durable until the next commit.
     */
    public WriteCounts apply(Prepared batch, long offsetAfter) throws IOException {
        long indexed = 0;
        long updated = 0;
        long deleted = 0;
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredKeys stored = new StoredKeys(searcher.getIndexReader());
            for (int i = 0; i < batch.writes().size(); i++) {
                PostWrite w = batch.writes().get(i);
                if (w instanceof PostWrite.Upsert u) {
                    String key = u.post().post().key();
                    boolean existed = exists(stored, key);
                    if (keys.mightContain(key)) {
                        writer.updateDocument(PostDocuments.keyTerm(key), batch.documents().get(i));
                    } else {
                        // Certainly new: adding skips resolving a delete-by-key against every
                        // segment at the next flush, the largest cost of a large replay.
                        writer.addDocument(batch.documents().get(i));
                    }
                    unrefreshed.put(key, new Pending(true, generation));
                    keys.add(key);
                    if (publishing) {
                        unpublished.add(u.post());
                    }
                    if (existed) {
                        updated++;
                    } else {
                        indexed++;
                    }
                } else if (w instanceof PostWrite.Delete d && exists(stored, d.key())) {
                    writer.deleteDocuments(PostDocuments.keyTerm(d.key()));
                    unrefreshed.put(d.key(), new Pending(false, generation));
                    if (publishing) {
                        unpublishedDeletes.add(d.key());
                    }
                    deleted++;
                }
            }
        } finally {
            searchers.release(searcher);
        }
        appliedOffset = offsetAfter;
        uncommitted = true;
        return new WriteCounts(indexed, updated, deleted);
    }

    /** Removes posts created before {@code cutoff} ({@code --retain}) and refreshes. */
    public void removeCreatedBefore(Instant cutoff) throws IOException {
        writer.deleteDocuments(
                LongPoint.newRangeQuery(
                        IndexFields.CREATED_AT, Long.MIN_VALUE, cutoff.toEpochMilli() - 1));
        uncommitted = true;
        refresh();
    }

    /**
     * Whether applied writes wait to be made searchable and the refresh interval has passed.
     *
     * @param catchingUp true while batches wait to be indexed: refreshes then wait the longest
     *     interval allowed (1 s), since each refresh writes a small segment and slows the catch-up
     */
    public boolean refreshDue(boolean catchingUp) {
        return refreshDue(catchingUp, false);
    }

    /**
     * Whether applied writes wait to be made searchable and the refresh interval has passed.
     *
     * @param catchingUp true while batches wait to be indexed (1 s between refreshes)
     * @param backlog true while a large backlog is worked off (5 s between refreshes)
     */
    public boolean refreshDue(boolean catchingUp, boolean backlog) {
        java.time.Duration interval =
                backlog
                        ? BACKLOG_REFRESH_INTERVAL
                        : catchingUp ? MAX_REFRESH_INTERVAL : config.refreshInterval();
        return !unrefreshed.isEmpty() && System.nanoTime() - lastRefreshNanos >= interval.toNanos();
    }

    /**
     * Starts a refresh (indexing thread): the writes applied so far are what it will make visible.
     * Then call {@link #refreshSearchers} (any thread; writes may go on meanwhile) and {@link
     * #completeRefresh} (indexing thread).
     */
    public RefreshTicket beginRefresh() {
        RefreshTicket t =
                new RefreshTicket(
                        generation, List.copyOf(unpublished), List.copyOf(unpublishedDeletes));
        generation++;
        unpublished.clear();
        unpublishedDeletes.clear();
        lastRefreshNanos = System.nanoTime();
        return t;
    }

    /** The blocking part of a refresh: flushes and reopens the searchers. Thread-safe. */
    public void refreshSearchers() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * Finishes a refresh whose {@link #refreshSearchers} returned (indexing thread): the keys it
     * covered are now answered by the searchers.
     *
     * @return the posts and deleted keys it made visible (for the live feed)
     */
    public Refreshed completeRefresh(RefreshTicket ticket) throws IOException {
        unrefreshed.values().removeIf(p -> p.generation() <= ticket.generation());
        if (keys.isOverfull()) {
            // The searchers hold every key up to this refresh; the later ones are still pending
            // and must not be forgotten, or a post seen again would be added a second time.
            keys = loadKeys();
            unrefreshed.keySet().forEach(keys::add);
        }
        return new Refreshed(ticket.posts(), ticket.deletedKeys());
    }

    /** Makes applied writes searchable now, on this thread. */
    public Refreshed refresh() throws IOException {
        RefreshTicket t = beginRefresh();
        refreshSearchers();
        return completeRefresh(t);
    }

    /** A refresh in progress: the writes of one generation and what they make visible. */
    public record RefreshTicket(
            long generation, List<ScoredPost> posts, List<String> deletedKeys) {}

    private record Pending(boolean exists, long generation) {}

    /** What one refresh made visible. */
    public record Refreshed(List<ScoredPost> posts, List<String> deletedKeys) {}

    /** Whether there are uncommitted writes and the commit interval has passed. */
    public boolean maybeCommitDue() {
        return uncommitted
                && System.nanoTime() - lastCommitNanos >= config.commitInterval().toNanos();
    }

    /**
     * Commits all applied writes together with the journal offset they reach. May run on another
     * thread than {@link #apply} (Lucene's writer takes writes during a commit): a commit holds at
     * least everything applied before it started, so the offset it records is never ahead of it.
     */
    public void commit() throws IOException {
        synchronized (commitLock) {
            // Cleared before the offset is read: a batch applied meanwhile marks it again.
            uncommitted = false;
            long offset = appliedOffset;
            writer.setLiveCommitData(Map.of(JOURNAL_OFFSET, Long.toString(offset)).entrySet());
            try {
                writer.commit();
            } catch (IOException | RuntimeException e) {
                uncommitted = true;
                throw e;
            }
            committedOffset = offset;
            lastCommitNanos = System.nanoTime();
        }
    }

    private boolean exists(StoredKeys stored, String key) throws IOException {
        Pending pending = unrefreshed.get(key);
        if (pending != null) {
            return pending.exists();
        }
        if (!keys.mightContain(key)) {
            return false;
        }
        return stored.contains(key);
    }

    private KeyBloomFilter loadKeys() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            long docs = searcher.getIndexReader().numDocs();
            KeyBloomFilter filter = new KeyBloomFilter(Math.max(minBloomCapacity, docs * 2));
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(IndexFields.KEY);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                for (BytesRef t = te.next(); t != null; t = te.next()) {
                    filter.add(t.utf8ToString());
                }
            }
            if (docs > 0) {
                LOG.debug("Loaded {} post keys from the index.", filter.size());
            }
            return filter;
        } finally {
            searchers.release(searcher);
        }
    }

    /** Commits what was applied, then closes the writer. */
    @Override
    public void close() throws IOException {
        try {
            if (uncommitted) {
                commit();
            }
        } finally {
            searchers.close();
            writer.close();
            directory.close();
        }
    }
}
