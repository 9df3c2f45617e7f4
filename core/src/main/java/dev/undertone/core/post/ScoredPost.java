package dev.undertone.core.post;

import dev.undertone.core.sentiment.SentimentResult;
import java.time.Instant;
import java.util.Objects;

/**
 * A post with its sentiment, as stored in the index.
 *
 * @param post the tracked post
 * @param sentiment the label and scores, or unscored with a reason
 * @param modelId the id of the model that scored it (also set when unscored)
 * @param scoredAt when it was scored
 */
public record ScoredPost(Post post, SentimentResult sentiment, String modelId, Instant scoredAt) {
    public ScoredPost {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(scoredAt, "scoredAt");
    }
}
