package dev.undertone.core.sentiment.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SemEval-2017 4A / TweetEval metrics of a {@link ConfusionMatrix}: accuracy, macro-averaged
 * recall (the official measure), macro F1 over the three classes, and F1^PN (the mean F1 of
 * positive and negative).
 *
 * @param n items scored
 * @param accuracy share of items whose prediction equals the gold label
 * @param macroRecall unweighted mean of the three per-class recalls
 * @param macroF1 unweighted mean of the three per-class F1 scores
 * @param f1Pn mean of the F1 scores of positive and negative
 * @param perClass per gold class name ({@code negative}, {@code neutral}, {@code positive})
 */
public record Metrics(
        long n,
        double accuracy,
        double macroRecall,
        double macroF1,
        double f1Pn,
        Map<String, ClassMetrics> perClass) {

    /** Class names in label-id order. */
    public static final String[] CLASS_NAMES = {"negative", "neutral", "positive"};

    /**
     * Precision, recall and F1 of one class; 0 where a denominator is 0.
     *
     * @param precision correct among items predicted as this class
     * @param recall correct among items of this gold class
     * @param f1 harmonic mean of precision and recall
     * @param support items of this gold class
     */
    public record ClassMetrics(double precision, double recall, double f1, long support) {}

    static Metrics of(ConfusionMatrix m) {
        long n = m.total();
        long correct = 0;
        double recallSum = 0;
        double f1Sum = 0;
        double[] f1 = new double[ConfusionMatrix.CLASSES];
        Map<String, ClassMetrics> perClass = new LinkedHashMap<>();
        for (int c = 0; c < ConfusionMatrix.CLASSES; c++) {
            long tp = m.count(c, c);
            long gold = 0;
            long predicted = 0;
            for (int k = 0; k <= ConfusionMatrix.OTHER; k++) {
                gold += m.count(c, k);
            }
            for (int g = 0; g < ConfusionMatrix.CLASSES; g++) {
                predicted += m.count(g, c);
            }
            double precision = ratio(tp, predicted);
            double recall = ratio(tp, gold);
            f1[c] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.put(CLASS_NAMES[c], new ClassMetrics(precision, recall, f1[c], gold));
            correct += tp;
            recallSum += recall;
            f1Sum += f1[c];
        }
        return new Metrics(
                n,
                ratio(correct, n),
                recallSum / ConfusionMatrix.CLASSES,
                f1Sum / ConfusionMatrix.CLASSES,
                (f1[ConfusionMatrix.NEGATIVE] + f1[ConfusionMatrix.POSITIVE]) / 2,
                Collections.unmodifiableMap(perClass));
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
