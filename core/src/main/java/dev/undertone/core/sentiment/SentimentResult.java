package dev.undertone.core.sentiment;

import java.util.Objects;

/**
 * The outcome of scoring one text: a label with its four scores, or {@code unscored} with the
 * reason (never a guess).
 *
 * @param sentiment the label, or null when unscored
 * @param scores the four scores, or null when unscored
 * @param unscoredReason why no label was given ({@link #EMPTY_TEXT}, {@link #UNSUPPORTED_LANGUAGE},
 *     ...), or null when scored
 */
public record SentimentResult(Sentiment sentiment, SentimentScores scores, String unscoredReason) {

    /** Reason for a text with nothing to score once normalised. */
    public static final String EMPTY_TEXT = "empty_text";

    /** Reason for a post in a language the model was not trained on. */
    public static final String UNSUPPORTED_LANGUAGE = "unsupported_language";

    public SentimentResult {
        if ((sentiment == null) == (unscoredReason == null)) {
            throw new IllegalArgumentException("exactly one of sentiment and unscoredReason");
        }
        if (sentiment != null) {
            Objects.requireNonNull(scores, "scores");
        }
    }

    /** A scored result. */
    public static SentimentResult scored(Sentiment sentiment, SentimentScores scores) {
        return new SentimentResult(sentiment, scores, null);
    }

    /** An unscored result with its reason. */
    public static SentimentResult unscored(String reason) {
        return new SentimentResult(null, null, reason);
    }

    /** Whether the model gave a label. */
    public boolean isScored() {
        return sentiment != null;
    }

    /** The winning score, or 0 when unscored. */
    public double confidence() {
        return scores == null ? 0 : scores.of(sentiment);
    }
}
