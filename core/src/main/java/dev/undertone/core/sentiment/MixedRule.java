package dev.undertone.core.sentiment;

/**
 * Turns a three-class model's probabilities into Comprehend's four scores, with an explicit rule
 * for MIXED: a text is mixed when it carries strong positive <em>and</em> strong negative evidence
 * of similar weight.
 *
 * <p>The rule: let {@code m = min(p_pos, p_neg)} be the weaker of the two polar probabilities and
 * {@code e = clamp((m - T) / (0.5 - T), 0, 1)} how far it rises above the threshold {@code T =
 * }{@value #THRESHOLD}; {@code e} is 0 unless both polar probabilities exceed {@code T}, and 1 only
 * when both are 0.5. The scores are then {@code mixed = e * (p_pos + p_neg)}, {@code positive =
 * p_pos * (1 - e)}, {@code negative = p_neg * (1 - e)}, {@code neutral = p_neu}: they sum to 1, and
 * the label is the highest of the four. So MIXED wins only when both polar probabilities are well
 * above {@code T} (for equal ones, above {@value #THRESHOLD} + (0.5 - {@value #THRESHOLD}) / 3),
 * which forces them close to each other, and neutral is the weaker reading.
 */
public final class MixedRule {

    /** Below this, the weaker polar probability is no evidence of mixed feelings. */
    public static final double THRESHOLD = 0.3;

    private MixedRule() {}

    /**
     * The four scores for three class probabilities (which should sum to 1).
     *
     * @param positive probability of positive
     * @param negative probability of negative
     * @param neutral probability of neutral
     */
    public static SentimentScores scores(double positive, double negative, double neutral) {
        double weaker = Math.min(positive, negative);
        double e = Math.max(0, Math.min(1, (weaker - THRESHOLD) / (0.5 - THRESHOLD)));
        return new SentimentScores(
                positive * (1 - e), negative * (1 - e), neutral, e * (positive + negative));
    }

    /** The scored result for three class probabilities: the label is the top of the four scores. */
    public static SentimentResult result(double positive, double negative, double neutral) {
        SentimentScores s = scores(positive, negative, neutral);
        return SentimentResult.scored(s.top(), s);
    }
}
