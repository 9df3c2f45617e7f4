package dev.undertone.flink;

import dev.undertone.core.post.Post;

/** What a raw record means for the index, once decoded. */
public sealed interface PostChange {

    /** The version the change carries (see {@link RawEvent#version}). */
    long version();

    /** A new post or a new version of one (an edit). */
    record Upsert(Post post, long version) implements PostChange {}

    /** The post with this key was deleted at its source. */
    record Delete(String key, long version) implements PostChange {}
}
