package dev.undertone.core.stage;

import dev.undertone.core.decode.Decoded;
import dev.undertone.core.decode.RawRecord;
import dev.undertone.core.decode.RecordDecoder;
import dev.undertone.core.post.Post;
import dev.undertone.core.track.PostTracker;
import java.util.Objects;

/**
 * The first step of the record-to-write stage: decode one raw record and apply the track rules.
 * Pure apart from counting; never throws for any input. Thread-safe when its counts are.
 */
public final class TrackStage {
    private final RecordDecoder decoder;
    private final PostTracker tracker;
    private final StageCounts counts;

    public TrackStage(RecordDecoder decoder, PostTracker tracker, StageCounts counts) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /** Decodes and tracks one record. */
    public Pending apply(RawRecord record) {
        return track(decode(record));
    }

    /**
     * Decodes one record. Decoders must not throw; if one does anyway, the record is rejected with
     * the exception as its reason, so it is kept for a person and the pipeline goes on.
     */
    public Decoded decode(RawRecord record) {
        try {
            Decoded d = decoder.decode(record);
            return d != null ? d : new Decoded.Rejected("decoder failed: it returned nothing");
        } catch (RuntimeException e) {
            return new Decoded.Rejected("decoder failed: " + e);
        }
    }

    /**
     * What a decoded record asks for: a kept post to score; a delete for a deletion, and for an
     * edit the rules no longer keep (its stored version must go); a purge of a deleted or taken
     * down account, a restore of an active one; a rejection; or nothing.
     */
    public Pending track(Decoded decoded) {
        if (decoded instanceof Decoded.NewPost np) {
            counts.post();
            Post kept = tracker.track(np.post());
            if (kept != null) {
                counts.matched();
                return new Pending.ToScore(kept);
            }
            counts.unmatched();
            return np.edit()
                    ? new PostWrite.Delete(np.post().key(), np.post().revision())
                    : new Outcome.Skipped("matches no track rule or language");
        } else if (decoded instanceof Decoded.Deletion del) {
            return new PostWrite.Delete(del.key(), del.revision());
        } else if (decoded instanceof Decoded.Rejected rej) {
            counts.rejected();
            return new Outcome.Rejected(rej.reason());
        } else if (decoded instanceof Decoded.NotAPost np) {
            counts.notAPost();
            return new Outcome.Skipped("not a post: " + np.kind());
        } else if (decoded instanceof Decoded.AccountStatus a) {
            // counted with the records that are not posts; the store counts the purges
            counts.notAPost();
            if (a.purges()) {
                return new PostWrite.PurgeAccount(a.source(), a.authorId());
            } else if (a.active()) {
                return new PostWrite.RestoreAccount(a.source(), a.authorId());
            }
            // deactivated, suspended, desynchronized, throttled: the account may come back as it
            // was, and its posts with it, so they stay (docs/sources.md)
            return new Outcome.Skipped("account status: " + a.status());
        }
        throw new IllegalStateException("unknown decode result " + decoded);
    }
}
