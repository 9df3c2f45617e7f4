package dev.undertone.core.stage;

import dev.undertone.core.post.Post;

/**
 * A record after decode and track: either a kept post waiting for its batch's model call, or an
 * outcome already decided. See the package description for the whole shape.
 */
public sealed interface Pending permits Pending.ToScore, Outcome {

    /** A post the rules keep, to be scored and then stored ({@link PostWrite.Upsert}). */
    record ToScore(Post post) implements Pending {}
}
