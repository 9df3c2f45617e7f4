package dev.undertone.core.sentiment.fast;

import java.util.Arrays;

/**
 * A {@link FeatureSink} that adds up a model's weights. The buckets of a group arrive in one array
 * and are looked up in one tight loop: the table is larger than the CPU caches, and independent
 * loads in a row overlap their cache misses. Each hashed group is scaled by {@code
 * 1/sqrt(occurrences)}, as in training. Not thread-safe: one per call.
 */
final class Scorer implements FeatureSink {

    static final int CLASSES = 3;

    private final short[] weights;
    private final float scale;
    private final int denseBase;
    private final float[] denseSums = new float[CLASSES];
    private final int[] groupSums = new int[2 * CLASSES];
    private final int[] counts = new int[2];

    Scorer(Weights weights, int buckets) {
        this.weights = weights.values();
        this.scale = weights.scale();
        this.denseBase = buckets * CLASSES;
    }

    void reset() {
        Arrays.fill(denseSums, 0f);
        Arrays.fill(groupSums, 0);
        counts[0] = 0;
        counts[1] = 0;
    }

    @Override
    public void hashed(int group, int[] buckets, int count) {
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        for (int i = 0; i < count; i++) {
            int w = buckets[i] * CLASSES;
            s0 += weights[w];
            s1 += weights[w + 1];
            s2 += weights[w + 2];
        }
        int g = group * CLASSES;
        groupSums[g] += s0;
        groupSums[g + 1] += s1;
        groupSums[g + 2] += s2;
        counts[group] += count;
    }

    @Override
    public void dense(int slot, float value) {
        int w = denseBase + slot * CLASSES;
        denseSums[0] += value * weights[w] * scale;
        denseSums[1] += value * weights[w + 1] * scale;
        denseSums[2] += value * weights[w + 2] * scale;
    }

    /** Writes the softmax probabilities of the text scored since the last reset into {@code p}. */
    void probabilities(double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            p[c] = denseSums[c];
            for (int g = 0; g < counts.length; g++) {
                p[c] += scale(counts[g]) * scale * groupSums[g * CLASSES + c];
            }
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
