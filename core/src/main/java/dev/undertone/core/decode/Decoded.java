package dev.undertone.core.decode;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.Revisions;
import java.util.Set;

/** What a raw record turned out to be once decoded. */
public sealed interface Decoded {

    /** A new post, or a new version of an existing one when {@code edit} is true. */
    record NewPost(Post post, boolean edit) implements Decoded {}

    /**
     * The post with this key was deleted at its source.
     *
     * @param revision the revision of the deletion in the post's own order (see {@link Revisions}),
     *     or {@link Revisions#UNKNOWN}
     */
    record Deletion(String key, long revision) implements Decoded {
        /** A deletion whose source gives no revision. */
        public Deletion(String key) {
            this(key, Revisions.UNKNOWN);
        }
    }

    /**
     * An author's account changed state at its source (Bluesky {@code kind: account}).
     *
     * @param source the network
     * @param authorId the account's stable id (a DID), as in {@link Post#authorId()}
     * @param active whether the account is active; when it is, its later posts are stored again
     * @param status why it is inactive ({@code deleted}, {@code takendown}, {@code deactivated},
     *     {@code suspended}, ...), or null
     */
    record AccountStatus(PostSource source, String authorId, boolean active, String status)
            implements Decoded {
        /** The statuses that remove every stored post of the account. */
        public static final Set<String> PURGING = Set.of("deleted", "takendown");

        /** Whether every stored post of the account must go (deleted or taken down). */
        public boolean purges() {
            return !active && status != null && PURGING.contains(status);
        }
    }

    /** A valid record that is not a post (a like, an identity event, a keep-alive). */
    record NotAPost(String kind) implements Decoded {}

    /** A record that cannot be decoded, with a reason a user can act on. */
    record Rejected(String reason) implements Decoded {}
}
