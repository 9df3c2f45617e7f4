package dev.undertone.core.stage;

import dev.undertone.core.post.ScoredPost;

/**
 * One change to the store, applied in record order: by the Lucene index on one machine, as a
 * versioned {@code _bulk} action in OpenSearch, as a record or tombstone on the scored-posts topic.
 * A new kind goes here (see the package description).
 */
public sealed interface PostWrite extends Outcome permits PostWrite.Upsert, PostWrite.Delete {

    /** The key of the post the write applies to. */
    String key();

    /** Add the post, or replace the stored post with the same key. */
    record Upsert(ScoredPost post) implements PostWrite {
        @Override
        public String key() {
            return post.post().key();
        }
    }

    /**
     * Remove the post with this key, if stored: deleted at its source, or edited so that the rules
     * no longer keep it (the stored version must not stay behind).
     */
    record Delete(String key) implements PostWrite {}
}
