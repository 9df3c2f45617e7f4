package dev.undertone.core.decode;

import dev.undertone.core.post.Post;

/** What a raw record turned out to be once decoded. */
public sealed interface Decoded {

    /** A new post, or a new version of an existing one when {@code edit} is true. */
    record NewPost(Post post, boolean edit) implements Decoded {}

    /** The post with this key was deleted at its source. */
    record Deletion(String key) implements Decoded {}

    /** A valid record that is not a post (a like, an identity event, a keep-alive). */
    record NotAPost(String kind) implements Decoded {}

    /** A record that cannot be decoded, with a reason a user can act on. */
    record Rejected(String reason) implements Decoded {}
}
