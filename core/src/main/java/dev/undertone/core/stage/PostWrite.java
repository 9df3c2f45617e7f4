package dev.undertone.core.stage;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import dev.undertone.core.post.ScoredPost;
import java.util.Objects;

/**
 * One change to the store, applied in record order: by the Lucene index on one machine, as a
 * versioned {@code _bulk} action in OpenSearch, as a record or tombstone on the scored-posts topic.
 * A new kind goes here (see the package description).
 */
public sealed interface PostWrite extends Outcome
        permits PostWrite.Upsert,
                PostWrite.Delete,
                PostWrite.PurgeAccount,
                PostWrite.RestoreAccount {

    /**
     * The key the write applies to: a post key, or for the account writes the account's key ({@code
     * source:authorId}, see {@link #accountKey}).
     */
    String key();

    /** The key of an account, as the account writes carry it: {@code source:authorId}. */
    static String accountKey(PostSource source, String authorId) {
        return Post.key(source, authorId);
    }

    /**
     * Add the post, or replace the stored post with the same key unless the stored one has a newer
     * revision ({@link Revisions#isOlder}).
     */
    record Upsert(ScoredPost post) implements PostWrite {
        @Override
        public String key() {
            return post.post().key();
        }

        /** The post's revision in its source's order, or {@link Revisions#UNKNOWN}. */
        public long revision() {
            return post.post().revision();
        }
    }

    /**
     * Remove the post with this key, if stored and not newer than {@code revision}: deleted at its
     * source, or edited so that the rules no longer keep it (the stored version must not stay
     * behind).
     *
     * @param revision the deletion's revision in the post's own order, or {@link Revisions#UNKNOWN}
     *     (then it removes whatever is stored)
     */
    record Delete(String key, long revision) implements PostWrite {
        /** A delete whose source gives no revision. */
        public Delete(String key) {
            this(key, Revisions.UNKNOWN);
        }
    }

    /**
     * Remove every stored post of an account (deleted or taken down at its source), and refuse its
     * later posts until a {@link RestoreAccount} for it.
     */
    record PurgeAccount(PostSource source, String authorId) implements PostWrite {
        public PurgeAccount {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(authorId, "authorId");
        }

        @Override
        public String key() {
            return accountKey(source, authorId);
        }
    }

    /**
     * The account is active again: its later posts are stored again (those removed by the purge are
     * not brought back; the source does not send them again).
     */
    record RestoreAccount(PostSource source, String authorId) implements PostWrite {
        public RestoreAccount {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(authorId, "authorId");
        }

        @Override
        public String key() {
            return accountKey(source, authorId);
        }
    }
}
