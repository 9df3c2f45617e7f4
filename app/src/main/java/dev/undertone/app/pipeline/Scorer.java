package dev.undertone.app.pipeline;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import java.util.List;

/** The classify stage: scores a batch of tracked posts, one result per post, in order. */
@FunctionalInterface
public interface Scorer {
    List<ScoredPost> score(List<Post> posts);
}
