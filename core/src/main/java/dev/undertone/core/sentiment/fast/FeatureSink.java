package dev.undertone.core.sentiment.fast;

/**
 * Receives the features of one text from {@link FeatureExtractor}: the scorer adds up weights, the
 * trainer records them.
 */
interface FeatureSink {

    /** Hashed features of word tokens (unigrams, bigrams, negated words). */
    int WORDS = 0;

    /** Hashed character n-grams. */
    int CHARS = 1;

    /** One occurrence of a hashed feature of a group. */
    void hashed(int group, int bucket);

    /** A dense feature's value (its row is {@code buckets + slot}). */
    void dense(int slot, float value);
}
