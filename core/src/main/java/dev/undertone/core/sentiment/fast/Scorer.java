package dev.undertone.core.sentiment.fast;

import java.util.Arrays;

/**
 * A {@link FeatureSink} that adds up a model's weights as features arrive, so scoring stores no
 * feature list. Each hashed group is scaled by {@code 1/sqrt(occurrences)} at the end, as in
 * training. Not thread-safe: one per call.
 */
final class Scorer implements FeatureSink {

    static final int CLASSES = 3;

    private final float[] weights;
    private final int denseBase;
    private final float[] groupSums = new float[2 * CLASSES];
    private final float[] denseSums = new float[CLASSES];
    private final int[] counts = new int[2];

    Scorer(float[] weights, int buckets) {
        this.weights = weights;
        this.denseBase = buckets * CLASSES;
    }

    void reset() {
        Arrays.fill(groupSums, 0f);
        Arrays.fill(denseSums, 0f);
        counts[0] = 0;
        counts[1] = 0;
    }

    @Override
    public void hashed(int group, int bucket) {
        int w = bucket * CLASSES;
        int g = group * CLASSES;
        groupSums[g] += weights[w];
        groupSums[g + 1] += weights[w + 1];
        groupSums[g + 2] += weights[w + 2];
        counts[group]++;
    }

    @Override
    public void dense(int slot, float value) {
        int w = denseBase + slot * CLASSES;
        denseSums[0] += value * weights[w];
        denseSums[1] += value * weights[w + 1];
        denseSums[2] += value * weights[w + 2];
    }

    /** Writes the softmax probabilities of the text scored since the last reset into {@code p}. */
    void probabilities(double[] p) {
        double wordScale = scale(counts[FeatureSink.WORDS]);
        double charScale = scale(counts[FeatureSink.CHARS]);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            p[c] = denseSums[c] + wordScale * groupSums[c] + charScale * groupSums[CLASSES + c];
            max = Math.max(max, p[c]);
        }
        double sum = 0;
        for (int c = 0; c < CLASSES; c++) {
            p[c] = Math.exp(p[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < CLASSES; c++) {
            p[c] /= sum;
        }
    }

    /** The scale of a hashed group with this many occurrences. */
    static double scale(int occurrences) {
        return occurrences == 0 ? 0 : 1 / Math.sqrt(occurrences);
    }
}
