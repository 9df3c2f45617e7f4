package dev.undertone.core.sentiment;

/**
 * The four class probabilities of one text, in Comprehend's shape. They sum to 1 (within float
 * rounding).
 */
public record SentimentScores(double positive, double negative, double neutral, double mixed) {

    /** The score of one label. */
    public double of(Sentiment s) {
        return switch (s) {
            case POSITIVE -> positive;
            case NEGATIVE -> negative;
            case NEUTRAL -> neutral;
            case MIXED -> mixed;
        };
    }

    /** The label with the highest score (ties resolve in enum order). */
    public Sentiment top() {
        Sentiment best = Sentiment.POSITIVE;
        for (Sentiment s : Sentiment.values()) {
            if (of(s) > of(best)) {
                best = s;
            }
        }
        return best;
    }
}
