package dev.undertone.app.store;

import dev.undertone.core.post.Post;
import java.time.Instant;
import java.util.List;

/**
 * What a listener that only counts posts needs of a newly visible one: when it was created and the
 * tracks it matched. A few dozen bytes, where the post itself (text, author, scores...) is a
 * kilobyte or more: the index can keep a whole refresh interval of these without the garbage
 * collector noticing.
 *
 * @param createdAt the post's own creation time
 * @param tracks the track rules it matched (the post's own list, not a copy)
 */
public record PostMark(Instant createdAt, List<String> tracks) {
    /** The mark of a post. */
    public static PostMark of(Post post) {
        return new PostMark(post.createdAt(), post.tracks());
    }
}
