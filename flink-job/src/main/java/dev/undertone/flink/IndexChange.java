package dev.undertone.flink;

import dev.undertone.core.post.ScoredPost;

/** A change for the index and the scored-posts topic, after classification. */
public sealed interface IndexChange {

    /** The post key the change applies to. */
    String key();

    /** The version the change carries (see {@link RawEvent#version}). */
    long version();

    /** Store this scored post, replacing an older version. */
    record Indexed(ScoredPost post, long version) implements IndexChange {
        @Override
        public String key() {
            return post.post().key();
        }
    }

    /** Remove the post with this key. */
    record Deleted(String key, long version) implements IndexChange {}
}
