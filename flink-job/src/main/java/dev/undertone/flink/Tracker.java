package dev.undertone.flink;

import dev.undertone.core.post.Post;

/**
 * Keeps the posts that match the track rules, recording which rules matched: the {@code track} step
 * of the pipeline, built from {@code core}'s track rules in {@link SentimentJobMain}.
 */
@FunctionalInterface
public interface Tracker {
    /** The post with its matched track phrases, or null when it matches none. */
    Post track(Post post);

    /** No rules: keeps every post. */
    Tracker ALL = post -> post;
}
