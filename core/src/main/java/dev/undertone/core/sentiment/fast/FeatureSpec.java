package dev.undertone.core.sentiment.fast;

/**
 * What the feature extractor emits; stored in the model file so a model is always scored with the
 * features it was trained on.
 *
 * @param bits the hashed table has {@code 2^bits} buckets
 * @param charMin shortest character n-gram (0 turns character n-grams off)
 * @param charMax longest character n-gram
 * @param wordBigrams whether word bigrams are emitted besides unigrams
 * @param negation whether words in a negation scope get their own features
 */
public record FeatureSpec(
        int bits, int charMin, int charMax, boolean wordBigrams, boolean negation) {

    /** The widest hashed table allowed (the model file stays under 20 MB). */
    public static final int MAX_BITS = 20;

    public FeatureSpec {
        if (bits < 10 || bits > MAX_BITS) {
            throw new IllegalArgumentException("bits must be in 10.." + MAX_BITS + ": " + bits);
        }
        if (charMin < 0 || charMax < charMin || charMax > 8) {
            throw new IllegalArgumentException("char n-gram range " + charMin + ".." + charMax);
        }
    }

    /** Buckets in the hashed table. */
    public int buckets() {
        return 1 << bits;
    }

    /** Rows of the weight table: the hashed buckets then the dense features. */
    public int rows() {
        return buckets() + DenseFeatures.COUNT;
    }
}
