package dev.undertone.core.sentiment.eval;

import dev.undertone.core.sentiment.Sentiment;

/**
 * Counts of gold three-class labels (TweetEval's {@code 0} negative, {@code 1} neutral, {@code 2}
 * positive) against predicted labels; a MIXED or unscored prediction is its own column, wrong for
 * every gold class. Not thread-safe.
 */
public final class ConfusionMatrix {

    /** Gold label ids, in TweetEval's order. */
    public static final int NEGATIVE = 0;

    public static final int NEUTRAL = 1;
    public static final int POSITIVE = 2;

    /** Number of gold classes. */
    public static final int CLASSES = 3;

    /** The predicted column of MIXED and unscored results. */
    static final int OTHER = 3;

    private final long[][] counts = new long[CLASSES][CLASSES + 1];

    /** Adds one gold label and the prediction for it (null when unscored). */
    public void add(int gold, Sentiment predicted) {
        add(gold, column(predicted));
    }

    /**
     * Adds one gold label and a predicted column (0..2, or 3 for MIXED and unscored).
     *
     * @throws IllegalArgumentException if either is out of range
     */
    public void add(int gold, int predicted) {
        if (gold < 0 || gold >= CLASSES) {
            throw new IllegalArgumentException("gold label must be 0, 1 or 2: " + gold);
        }
        if (predicted < 0 || predicted > OTHER) {
            throw new IllegalArgumentException("predicted column must be 0..3: " + predicted);
        }
        counts[gold][predicted]++;
    }

    /** How many items had this gold label and this predicted column. */
    public long count(int gold, int predicted) {
        return counts[gold][predicted];
    }

    /** The number of items added. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** The metrics of these counts. */
    public Metrics metrics() {
        return Metrics.of(this);
    }

    /** The predicted column for a label: its class id, or {@link #OTHER} for MIXED/unscored. */
    public static int column(Sentiment predicted) {
        if (predicted == null) {
            return OTHER;
        }
        return switch (predicted) {
            case NEGATIVE -> NEGATIVE;
            case NEUTRAL -> NEUTRAL;
            case POSITIVE -> POSITIVE;
            case MIXED -> OTHER;
        };
    }
}
