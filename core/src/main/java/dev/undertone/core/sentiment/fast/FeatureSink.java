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

    /**
     * All hashed features of one group of the text, once per group and text: {@code
     * buckets[0..count)}, one entry per occurrence. The array is only valid during the call.
     */
    void hashed(int group, int[] buckets, int count);

    /** A dense feature's value (its row is {@code buckets + slot}). */
    void dense(int slot, float value);
}
