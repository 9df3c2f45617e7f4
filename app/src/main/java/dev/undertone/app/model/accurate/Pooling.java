package dev.undertone.app.model.accurate;

/**
 * Pools one text's token states into a fixed vector: the mean over its tokens (what
 * sentence-transformers uses for all-MiniLM-L6-v2), the {@code [CLS]} token's state, and the
 * per-dimension maximum, {@link MiniLmEncoder#HIDDEN} floats each, in that order.
 */
final class Pooling {

    /** Offsets of the three pools in a pooled vector. */
    static final int MEAN = 0;

    static final int CLS = MiniLmEncoder.HIDDEN;
    static final int MAX = 2 * MiniLmEncoder.HIDDEN;

    /** Floats per pooled text. */
    static final int DIMS = 3 * MiniLmEncoder.HIDDEN;

    private Pooling() {}

    /**
     * Pools the states of one text.
     *
     * @param states {@code tokens} rows of {@link MiniLmEncoder#HIDDEN} floats (padding after them
     *     is ignored)
     * @param tokens how many rows are real tokens (at least 1)
     * @param out where to write {@link #DIMS} floats
     * @param offset the first index written
     */
    static void pool(float[] states, int tokens, float[] out, int offset) {
        int h = MiniLmEncoder.HIDDEN;
        System.arraycopy(states, 0, out, offset + CLS, h);
        System.arraycopy(states, 0, out, offset + MAX, h);
        System.arraycopy(states, 0, out, offset + MEAN, h);
        for (int t = 1; t < tokens; t++) {
            int row = t * h;
            for (int d = 0; d < h; d++) {
                float v = states[row + d];
                out[offset + MEAN + d] += v;
                out[offset + MAX + d] = Math.max(out[offset + MAX + d], v);
            }
        }
        float inv = 1f / tokens;
        for (int d = 0; d < h; d++) {
            out[offset + MEAN + d] *= inv;
        }
    }
}
