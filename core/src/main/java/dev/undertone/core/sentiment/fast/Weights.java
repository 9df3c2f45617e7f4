package dev.undertone.core.sentiment.fast;

/**
 * A model's weight table, quantised to 16-bit integers with one scale: half the memory of floats,
 * so twice as much of it stays in the CPU caches while scoring, and sums of hashed weights are
 * exact integer additions. The rounding error (at most half a step of {@code maxAbs / 32767}) is
 * far below what training can resolve.
 *
 * @param values the weights divided by {@code scale}, rounded
 * @param scale the value of one step
 */
record Weights(short[] values, float scale) {

    private static final int STEPS = Short.MAX_VALUE;

    /** Quantises trained weights. */
    static Weights quantize(float[] w) {
        float maxAbs = 0;
        for (float v : w) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        float scale = maxAbs == 0 ? 1f : maxAbs / STEPS;
        short[] q = new short[w.length];
        for (int j = 0; j < w.length; j++) {
            q[j] = (short) Math.round(w[j] / scale);
        }
        return new Weights(q, scale);
    }

    /** The weight at index {@code j}. */
    float get(int j) {
        return values[j] * scale;
    }

    /** The number of weights. */
    int length() {
        return values.length;
    }
}
