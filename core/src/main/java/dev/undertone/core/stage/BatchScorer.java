package dev.undertone.core.stage;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.ScoredPost;
import java.util.List;

/**
 * The classify step: scores a batch of kept posts in one model call, one result per post, in order.
 * In production {@code PostScorer::score}.
 */
@FunctionalInterface
public interface BatchScorer {
    List<ScoredPost> score(List<Post> posts);
}
