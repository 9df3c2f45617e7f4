package dev.undertone.app.model.accurate;

/**
 * Which parts of a text's features ({@link TextFeatures}) a head reads: one or more of the MiniLM
 * pools, then always the fast model's four scores and their logarithms (floored at {@value
 * #LOG_FLOOR}), which let a linear head use the fast model's log-odds directly.
 */
public enum FeatureSelection {
    /** Mean-pooled states and the fast scores. */
    MEAN_FAST(true, false, false),
    /** Mean and {@code [CLS]} states and the fast scores. */
    MEAN_CLS_FAST(true, true, false),
    /** Mean, {@code [CLS]} and max-pooled states and the fast scores. */
    MEAN_CLS_MAX_FAST(true, true, true);

    /** The smallest score whose logarithm is taken. */
    static final float LOG_FLOOR = 1e-4f;

    /** Floats of the fast model's part: four scores and their logarithms. */
    static final int FAST_DIMS = 2 * TextFeatures.FAST;

    private final boolean mean;
    private final boolean cls;
    private final boolean max;

    FeatureSelection(boolean mean, boolean cls, boolean max) {
        this.mean = mean;
        this.cls = cls;
        this.max = max;
    }

    /** Floats this selection yields per text. */
    int dims() {
        int pools = (mean ? 1 : 0) + (cls ? 1 : 0) + (max ? 1 : 0);
        return pools * MiniLmEncoder.HIDDEN + FAST_DIMS;
    }

    /**
     * Copies the selected parts of the feature row at {@code from} into {@code to} at {@code at}.
     */
    void select(float[] features, int from, float[] to, int at) {
        int h = MiniLmEncoder.HIDDEN;
        if (mean) {
            System.arraycopy(features, from + Pooling.MEAN, to, at, h);
            at += h;
        }
        if (cls) {
            System.arraycopy(features, from + Pooling.CLS, to, at, h);
            at += h;
        }
        if (max) {
            System.arraycopy(features, from + Pooling.MAX, to, at, h);
            at += h;
        }
        for (int k = 0; k < TextFeatures.FAST; k++) {
            float score = features[from + Pooling.DIMS + k];
            to[at + k] = score;
            to[at + TextFeatures.FAST + k] = (float) Math.log(Math.max(score, LOG_FLOOR));
        }
    }
}
