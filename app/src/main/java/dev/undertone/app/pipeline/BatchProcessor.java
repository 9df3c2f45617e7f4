package dev.undertone.app.pipeline;

import dev.undertone.app.journal.JournalRecord;
import dev.undertone.app.store.PostWrite;
import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a batch of journal records into store writes: decode, track, then classify all kept posts
 * in one model call. Pure apart from counting; rejections are returned, not written.
 */
final class BatchProcessor {
    private final RecordDecoder decoder;
    private final Tracker tracker;
    private final Scorer scorer;
    private final PipelineStats stats;

    BatchProcessor(RecordDecoder decoder, Tracker tracker, Scorer scorer, PipelineStats stats) {
        this.decoder = decoder;
        this.tracker = tracker;
        this.scorer = scorer;
        this.stats = stats;
    }

    /** A record that could not be decoded, and why. */
    record Rejection(JournalRecord record, String reason) {}

    /** The writes for the store, in journal order, and the rejections to keep. */
    record Result(List<PostWrite> writes, List<Rejection> rejections) {}

    Result process(List<JournalRecord> records) {
        List<Object> slots = new ArrayList<>(records.size());
        List<Post> toScore = new ArrayList<>(records.size());
        List<Rejection> rejections = new ArrayList<>();
        for (JournalRecord r : records) {
            Decoded d = decode(r);
            if (d instanceof Decoded.NewPost np) {
                stats.posts.increment();
                Post kept = tracker.track(np.post());
                if (kept != null) {
                    stats.matched.increment();
                    slots.add(kept);
                    toScore.add(kept);
                } else if (np.edit()) {
                    // The new version no longer matches: the stored one must not stay behind.
                    slots.add(new PostWrite.Delete(np.post().key()));
                }
            } else if (d instanceof Decoded.Deletion del) {
                slots.add(new PostWrite.Delete(del.key()));
            } else if (d instanceof Decoded.Rejected rej) {
                stats.rejected.increment();
                rejections.add(new Rejection(r, rej.reason()));
            } else {
                stats.notPosts.increment();
            }
        }
        List<ScoredPost> scored = toScore.isEmpty() ? List.of() : scorer.score(toScore);
        if (scored.size() != toScore.size()) {
            throw new IllegalStateException(
                    "the scorer returned " + scored.size() + " results for " + toScore.size());
        }
        List<PostWrite> writes = new ArrayList<>(slots.size());
        int next = 0;
        for (Object slot : slots) {
            if (slot instanceof PostWrite w) {
                writes.add(w);
            } else {
                ScoredPost sp = scored.get(next++);
                if (!sp.sentiment().isScored()) {
                    stats.unscored.increment();
                }
                writes.add(new PostWrite.Upsert(sp));
            }
        }
        return new Result(writes, rejections);
    }

    private Decoded decode(JournalRecord r) {
        try {
            return decoder.decode(r.record());
        } catch (RuntimeException e) {
            // Decoders must not throw; if one does, the record is kept as rejected, not lost.
            return new Decoded.Rejected("decoder failed: " + e);
        }
    }
}
