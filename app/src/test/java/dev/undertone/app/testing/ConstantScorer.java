package dev.undertone.app.testing;

import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import dev.undertone.core.stage.BatchScorer;
import java.time.Instant;

/**
 * A scorer that calls every post NEUTRAL, for tests and benchmarks about the pipeline rather than
 * the model (the models have tests and benchmarks of their own).
 */
public final class ConstantScorer {
    /** The model id it records. */
    public static final String MODEL_ID = "test-constant";

    private ConstantScorer() {}

    /** Scores every post NEUTRAL (0.7) and stamps it with {@code scoredAt}. */
    public static BatchScorer neutral(Instant scoredAt) {
        return posts ->
                posts.stream()
                        .map(
                                p ->
                                        new ScoredPost(
                                                p,
                                                SentimentResult.scored(
                                                        Sentiment.NEUTRAL,
                                                        new SentimentScores(0.1, 0.1, 0.7, 0.1)),
                                                MODEL_ID,
                                                scoredAt))
                        .toList();
    }
}
