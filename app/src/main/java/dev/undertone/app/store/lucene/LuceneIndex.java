package dev.undertone.app.store.lucene;

import dev.undertone.app.store.IndexListener;
import dev.undertone.app.store.PostMark;
import dev.undertone.app.store.WriteCounts;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.stage.PostWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
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

    /**
     * Commit user data key: the accounts purged and not restored since, committed atomically with
     * the journal offset they are true at (see {@link PurgedAccounts}).
     */
    public static final String PURGED_ACCOUNTS = "purged_accounts";

    private static final Logger LOG = LoggerFactory.getLogger(LuceneIndex.class);
    private static final long MIN_BLOOM_CAPACITY = 4_000_000;
    private static final java.time.Duration MAX_REFRESH_INTERVAL = java.time.Duration.ofSeconds(1);

    /**
     * The refresh interval while a large backlog is worked off (a replay, a restart after a long
     * stop): each refresh flushes a segment, and small segments cost their flush and then merge
     * after merge; 15 s lets the writer's RAM buffer decide the segment size instead.
     */
    private static final java.time.Duration BACKLOG_REFRESH_INTERVAL =
            java.time.Duration.ofSeconds(15);

    /**
     * The commit interval while a large backlog is worked off: a commit flushes a segment too (and
     * fsyncs), so committing every few seconds would undo the larger segments of {@link
     * #BACKLOG_REFRESH_INTERVAL}. A crash meanwhile costs re-applying at most this much of the
     * journal, never a post.
     */
    private static final java.time.Duration BACKLOG_COMMIT_INTERVAL =
            java.time.Duration.ofSeconds(30);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LuceneIndexConfig config;
    private final Clock clock;

    /** Keys written since the searchers last included them: whether they exist, and when. */
    private final Map<String, Pending> unrefreshed = new HashMap<>();

    private long generation;

    /** What of each write is kept until the refresh that makes it visible, for the listener. */
    private IndexListener.Detail publishing = IndexListener.Detail.POSTS;

    private final List<PostMark> unpublishedMarks = new ArrayList<>();
    private final List<ScoredPost> unpublished = new ArrayList<>();
    private final List<String> unpublishedDeletes = new ArrayList<>();
    private KeyBloomFilter keys;
    private volatile long committedOffset;
    private volatile Applied applied;
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
        this.applied =
                new Applied(committedOffset, PurgedAccounts.decode(data.get(PURGED_ACCOUNTS)));
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
        return applied.offset();
    }

    /**
     * What each refresh returns of the writes it made visible (default everything): only what the
     * listener reads is kept until then. With nobody to tell, or only the alert monitor (a replay),
     * this spares holding every post of a refresh interval (up to 15 s of a replay) in memory.
     */
    public void publishing(IndexListener.Detail detail) {
        this.publishing = detail;
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
     *
     * <p>An upsert or delete older than the stored version of its post ({@link Revisions#isOlder})
     * is ignored, so a late or replayed old version never replaces a newer one; the revision is in
     * the document, so this holds across restarts. A purge removes the account's posts with one
     * delete-by-query and records the account, in the commit with the journal offset, so its later
     * posts are refused until it is restored.
     */
    public WriteCounts apply(Prepared batch, long offsetAfter) throws IOException {
        long indexed = 0;
        long updated = 0;
        long deleted = 0;
        long purged = 0;
        long stale = 0;
        long refused = 0;
        Set<String> accounts = applied.purgedAccounts();
        boolean accountsChanged = false;
        IndexSearcher searcher = searchers.acquire();
        try {
            StoredKeys stored = new StoredKeys(searcher.getIndexReader());
            for (int i = 0; i < batch.writes().size(); i++) {
                PostWrite w = batch.writes().get(i);
                if (w instanceof PostWrite.Upsert u) {
                    Post post = u.post().post();
                    String key = post.key();
                    if (!accounts.isEmpty()
                            && post.authorId() != null
                            && accounts.contains(
                                    PostWrite.accountKey(post.source(), post.authorId()))) {
                        refused++;
                        continue;
                    }
                    Version version = stored(stored, key);
                    if (version.exists() && Revisions.isOlder(u.revision(), version.revision())) {
                        stale++;
                        continue;
                    }
                    if (keys.mightContain(key)) {
                        writer.updateDocument(PostDocuments.keyTerm(key), batch.documents().get(i));
                    } else {
                        // Certainly new: adding skips resolving a delete-by-key against every
                        // segment at the next flush, the largest cost of a large replay.
                        writer.addDocument(batch.documents().get(i));
                    }
                    unrefreshed.put(
                            key,
                            new Pending(
                                    true,
                                    generation,
                                    u.revision(),
                                    post.source(),
                                    post.authorId()));
                    keys.add(key);
                    if (publishing != IndexListener.Detail.NOTHING) {
                        unpublishedMarks.add(PostMark.of(post));
                        if (publishing == IndexListener.Detail.POSTS) {
                            unpublished.add(u.post());
                        }
                    }
                    if (version.exists()) {
                        updated++;
                    } else {
                        indexed++;
                    }
                } else if (w instanceof PostWrite.Delete d) {
                    Version version = stored(stored, d.key());
                    if (!version.exists()) {
                        continue;
                    }
                    if (Revisions.isOlder(d.revision(), version.revision())) {
                        stale++;
                        continue;
                    }
                    writer.deleteDocuments(PostDocuments.keyTerm(d.key()));
                    markDeleted(d.key());
                    deleted++;
                } else if (w instanceof PostWrite.PurgeAccount p) {
                    String account = PostWrite.accountKey(p.source(), p.authorId());
                    List<String> removed = accountKeys(searcher, p);
                    // deletes apply to every document added before them, refreshed or not
                    writer.deleteDocuments(accountQuery(p.source(), p.authorId()));
                    removed.forEach(this::markDeleted);
                    deleted += removed.size();
                    boolean newly = !accounts.contains(account);
                    if (newly) {
                        if (!accountsChanged) {
                            accounts = new HashSet<>(accounts);
                            accountsChanged = true;
                        }
                        accounts.add(account);
                        purged++;
                    }
                    if (newly || !removed.isEmpty()) {
                        LOG.info(
                                "Account {} was deleted or taken down at its source: {} of its"
                                        + " posts removed, its later posts refused until it is"
                                        + " active again.",
                                account,
                                removed.size());
                    }
                } else if (w instanceof PostWrite.RestoreAccount r) {
                    String account = PostWrite.accountKey(r.source(), r.authorId());
                    if (accounts.contains(account)) {
                        if (!accountsChanged) {
                            accounts = new HashSet<>(accounts);
                            accountsChanged = true;
                        }
                        accounts.remove(account);
                    }
                } else {
                    throw new IllegalStateException("the index cannot apply " + w);
                }
            }
        } finally {
            searchers.release(searcher);
        }
        // One volatile write: a commit sees the offset and the purged accounts of the same batch.
        applied = new Applied(offsetAfter, accountsChanged ? Set.copyOf(accounts) : accounts);
        uncommitted = true;
        return new WriteCounts(indexed, updated, deleted, purged, stale, refused);
    }

    /** The accounts purged and not restored since, as of the last applied batch. */
    public Set<String> purgedAccounts() {
        return applied.purgedAccounts();
    }

    private void markDeleted(String key) {
        unrefreshed.put(key, new Pending(false, generation, Revisions.UNKNOWN, null, null));
        if (publishing == IndexListener.Detail.POSTS) {
            unpublishedDeletes.add(key);
        }
    }

    /**
     * The keys of the account's live posts: those the searcher sees, unless a write since changed
     * them, and those written since.
     */
    private List<String> accountKeys(IndexSearcher searcher, PostWrite.PurgeAccount p)
            throws IOException {
        List<String> found = new ArrayList<>();
        Query q = accountQuery(p.source(), p.authorId());
        int n = searcher.count(q);
        if (n > 0) {
            StoredFields fields = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(q, n).scoreDocs) {
                String key = fields.document(sd.doc, Set.of(IndexFields.KEY)).get(IndexFields.KEY);
                if (!unrefreshed.containsKey(key)) {
                    found.add(key);
                }
            }
        }
        unrefreshed.forEach(
                (key, pending) -> {
                    if (pending.exists()
                            && p.source() == pending.source()
                            && p.authorId().equals(pending.authorId())) {
                        found.add(key);
                    }
                });
        return found;
    }

    private static Query accountQuery(PostSource source, String authorId) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.SOURCE, source.id())), Occur.FILTER)
                .add(new TermQuery(new Term(IndexFields.AUTHOR_ID, authorId)), Occur.FILTER)
                .build();
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
     * @param backlog true while a large backlog is worked off (15 s between refreshes)
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
                        generation,
                        List.copyOf(unpublishedMarks),
                        List.copyOf(unpublished),
                        List.copyOf(unpublishedDeletes));
        generation++;
        unpublishedMarks.clear();
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
        return new Refreshed(ticket.marks(), ticket.posts(), ticket.deletedKeys());
    }

    /** Makes applied writes searchable now, on this thread. */
    public Refreshed refresh() throws IOException {
        RefreshTicket t = beginRefresh();
        refreshSearchers();
        return completeRefresh(t);
    }

    /** A refresh in progress: the writes of one generation and what they make visible. */
    public record RefreshTicket(
            long generation,
            List<PostMark> marks,
            List<ScoredPost> posts,
            List<String> deletedKeys) {}

    /**
     * A key written since the searchers last included it.
     *
     * @param exists whether it is stored now
     * @param revision the stored version's revision
     * @param source the post's source, for a purge to find it
     * @param authorId the post's author id, for a purge to find it
     */
    private record Pending(
            boolean exists, long generation, long revision, PostSource source, String authorId) {}

    /** What the applied batches reached: the journal offset and the accounts purged then. */
    private record Applied(long offset, Set<String> purgedAccounts) {}

    /**
     * What one refresh made visible, as much as {@link #publishing} asks: the marks of the posts
     * indexed or replaced, those posts, and the keys deleted.
     */
    public record Refreshed(
            List<PostMark> marks, List<ScoredPost> posts, List<String> deletedKeys) {}

    /** Whether there are uncommitted writes and the commit interval has passed. */
    public boolean maybeCommitDue() {
        return maybeCommitDue(false);
    }

    /**
     * Whether there are uncommitted writes and the commit interval has passed.
     *
     * @param backlog true while a large backlog is worked off (the interval is then at least 30 s)
     */
    public boolean maybeCommitDue(boolean backlog) {
        java.time.Duration interval = config.commitInterval();
        if (backlog && interval.compareTo(BACKLOG_COMMIT_INTERVAL) < 0) {
            interval = BACKLOG_COMMIT_INTERVAL;
        }
        return uncommitted && System.nanoTime() - lastCommitNanos >= interval.toNanos();
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
            Applied state = applied;
            long offset = state.offset();
            writer.setLiveCommitData(
                    Map.of(
                                    JOURNAL_OFFSET,
                                    Long.toString(offset),
                                    PURGED_ACCOUNTS,
                                    PurgedAccounts.encode(state.purgedAccounts()))
                            .entrySet());
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

    /**
     * Whether a post is stored (written since the last refresh, or in the searcher) and its
     * revision.
     */
    private Version stored(StoredKeys stored, String key) throws IOException {
        Pending pending = unrefreshed.get(key);
        if (pending != null) {
            return new Version(pending.exists(), pending.revision());
        }
        if (!keys.mightContain(key) || !stored.seek(key)) {
            return Version.NONE;
        }
        return new Version(true, stored.revision());
    }

    private record Version(boolean exists, long revision) {
        static final Version NONE = new Version(false, Revisions.UNKNOWN);
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
