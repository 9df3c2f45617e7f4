package dev.undertone.app.store;

import dev.undertone.core.post.ScoredPost;

/** One change to the store, applied in journal order. */
public sealed interface PostWrite {

    /** Add the post, or replace the stored post with the same key. */
    record Upsert(ScoredPost post) implements PostWrite {}

    /** Remove the post with this key, if stored. */
    record Delete(String key) implements PostWrite {}
}
