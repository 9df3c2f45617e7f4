package dev.undertone.core.sentiment.fast;

import java.util.Arrays;

/**
 * A {@link FeatureSink} that adds up a model's weights. Hashed buckets are only collected while the
 * text is read and looked up in one tight loop at the end: the table is larger than the CPU caches,
 * and independent loads in a row overlap their cache misses. Each hashed group is scaled by {@code
 * 1/sqrt(occurrences)}, as in training. Not thread-safe: one per call.
 */
final class Scorer implements FeatureSink {

    static final int CLASSES = 3;

    private final short[] weights;
    private final float scale;
    private final int denseBase;
    private final float[] denseSums = new float[CLASSES];
    private final int[][] buckets = {new int[256], new int[1024]};
    private final int[] counts = new int[2];

    Scorer(Weights weights, int buckets) {
        this.weights = weights.values();
        this.scale = weights.scale();
        this.denseBase = buckets * CLASSES;
    }

    void reset() {
        Arrays.fill(denseSums, 0f);
        counts[0] = 0;
        counts[1] = 0;
    }

    @Override
    public void hashed(int group, int bucket) {
        int[] b = buckets[group];
        int n = counts[group];
        if (n == b.length) {
            b = Arrays.copyOf(b, n * 2);
            buckets[group] = b;
        }
        b[n] = bucket;
        counts[group] = n + 1;
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
        for (int c = 0; c < CLASSES; c++) {
            p[c] = denseSums[c];
        }
        for (int g = 0; g < buckets.length; g++) {
            int[] b = buckets[g];
            int n = counts[g];
            int s0 = 0;
            int s1 = 0;
            int s2 = 0;
            for (int i = 0; i < n; i++) {
                int w = b[i] * CLASSES;
                s0 += weights[w];
                s1 += weights[w + 1];
                s2 += weights[w + 2];
            }
            double groupScale = scale(n) * scale;
            p[0] += groupScale * s0;
            p[1] += groupScale * s1;
            p[2] += groupScale * s2;
        }
        double max = Math.max(p[0], Math.max(p[1], p[2]));
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
