package dev.undertone.app.store;

import dev.undertone.core.post.ScoredPost;
import java.time.Instant;
import java.util.Objects;

/**
 * A post as read back from a store: the scored post plus when the store indexed it.
 *
 * @param post the scored post
 * @param indexedAt when the store wrote this version of it
 */
public record StoredPost(ScoredPost post, Instant indexedAt) {
    public StoredPost {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(indexedAt, "indexedAt");
    }
}
