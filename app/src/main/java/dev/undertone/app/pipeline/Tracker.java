package dev.undertone.app.pipeline;

import dev.undertone.core.post.Post;

/**
 * The track stage: keeps the posts that match the track rules and the language filter. A pure
 * function, called from the processor thread.
 */
@FunctionalInterface
public interface Tracker {
    /**
     * Returns the post carrying the rules it matched (and its detected language when it had none),
     * or null when the post is not kept.
     */
    Post track(Post post);

    /** Keeps every post as it is. */
    Tracker KEEP_ALL = post -> post;
}
