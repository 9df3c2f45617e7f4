package dev.undertone.app.pipeline;

import dev.undertone.app.store.PostFilter;
import dev.undertone.app.store.StoredPost;
import dev.undertone.app.store.lucene.LuceneIndex;
import dev.undertone.app.store.lucene.StoredPostScan;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.stage.PostWrite;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-scores stored posts with another model ({@code undertone rescore}): reads the matching posts
 * from a point-in-time view of the index, scores them in batches, and writes each back under its
 * key with the new sentiment, scores and model id, everything else unchanged. Commits every {@link
 * #COMMIT_EVERY} posts, so an interrupted run keeps what it did and can simply be run again.
 *
 * <p>The caller must hold the data directory's lock ({@link DataDir#openForWriting}): the index has
 * one writer.
 */
public final class Rescorer {

    /** Posts written between commits. */
    static final int COMMIT_EVERY = 10_000;

    private final LuceneIndex index;
    private final PostScorer scorer;
    private final int batchSize;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong(-1);

    /**
     * @param index the open index (its writer)
     * @param scorer the scorer with the new model
     * @param batchSize posts per model call
     */
    public Rescorer(LuceneIndex index, PostScorer scorer, int batchSize) {
        this.index = Objects.requireNonNull(index, "index");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1");
        }
        this.batchSize = batchSize;
    }

    /**
     * What a run did.
     *
     * @param matched posts matching the filter
     * @param rescored posts written back
     * @param changed of those, posts whose label (or scored/unscored state) changed
     * @param unscored of those, posts the new model left unscored
     */
    public record Result(long matched, long rescored, long changed, long unscored) {}

    /** Posts re-scored so far (for the progress bar; any thread). */
    public long done() {
        return done.get();
    }

    /** Posts to re-score, or -1 before the scan has counted them (any thread). */
    public long total() {
        return total.get();
    }

    /** Re-scores the posts matching the filter and commits. */
    public Result rescore(PostFilter filter) throws IOException {
        long[] counts = new long[3];
        long[] sinceCommit = {0};
        long matched =
                new StoredPostScan(index.searcherManager())
                        .scan(
                                filter,
                                batchSize,
                                total::set,
                                batch -> {
                                    apply(batch, counts);
                                    sinceCommit[0] += batch.size();
                                    if (sinceCommit[0] >= COMMIT_EVERY) {
                                        commit();
                                        sinceCommit[0] = 0;
                                    }
                                });
        commit();
        return new Result(matched, counts[0], counts[1], counts[2]);
    }

    private void apply(List<StoredPost> batch, long[] counts) throws IOException {
        List<Post> posts = new ArrayList<>(batch.size());
        for (StoredPost s : batch) {
            posts.add(s.post().post());
        }
        List<ScoredPost> scored = scorer.score(posts);
        List<PostWrite> writes = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            ScoredPost now = scored.get(i);
            writes.add(new PostWrite.Upsert(now));
            counts[0]++;
            if (label(now) != label(batch.get(i).post())) {
                counts[1]++;
            }
            if (!now.sentiment().isScored()) {
                counts[2]++;
            }
        }
        // The journal is untouched: the index stays at the offset it had.
        index.apply(writes, index.appliedOffset());
        done.addAndGet(batch.size());
    }

    private static Sentiment label(ScoredPost p) {
        return p.sentiment().sentiment();
    }

    private void commit() throws IOException {
        index.commit();
        // Drops the writer's record of pending keys, so a long run holds no per-post state.
        index.refresh();
    }
}
