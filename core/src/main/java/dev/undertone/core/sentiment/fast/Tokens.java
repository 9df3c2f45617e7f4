package dev.undertone.core.sentiment.fast;

import java.util.Arrays;

/**
 * Reusable per-call buffers of the tokenizer: the lower-cased text and the tokens found in it. Not
 * thread-safe: each call of a model uses its own instance.
 */
final class Tokens {

    static final byte WORD = 0;
    static final byte HASHTAG = 1;
    static final byte MENTION = 2;
    static final byte EMOTICON = 3;
    static final byte PUNCT = 4;
    static final byte SYMBOL = 5;

    char[] lower = new char[256];
    int length;

    int count;
    int[] start = new int[64];
    int[] end = new int[64];
    byte[] type = new byte[64];
    long[] hash = new long[64];
    boolean[] allCaps = new boolean[64];
    boolean[] elongated = new boolean[64];
    boolean[] negated = new boolean[64];

    private int[] buckets = new int[1024];
    private char[] padded = new char[256];

    /** The lower-cased text with a space before and after it. */
    char[] padded() {
        if (padded.length < length + 2) {
            padded = new char[Math.max(length + 2, padded.length * 2)];
        }
        padded[0] = ' ';
        System.arraycopy(lower, 0, padded, 1, length);
        padded[length + 1] = ' ';
        return padded;
    }

    /** A scratch array for at least {@code n} buckets of one feature group. */
    int[] buckets(int n) {
        if (buckets.length < n) {
            buckets = new int[Math.max(n, buckets.length * 2)];
        }
        return buckets;
    }

    /** Resets the buffers for a text of {@code n} characters. */
    void reset(int n) {
        if (lower.length < n + 2) {
            lower = new char[Math.max(n + 2, lower.length * 2)];
        }
        length = 0;
        count = 0;
    }

    /** Appends a token; returns its index. */
    int add(int from, int to, byte kind, long h, boolean caps, boolean longRun) {
        if (count == start.length) {
            int cap = count * 2;
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            type = Arrays.copyOf(type, cap);
            hash = Arrays.copyOf(hash, cap);
            allCaps = Arrays.copyOf(allCaps, cap);
            elongated = Arrays.copyOf(elongated, cap);
            negated = Arrays.copyOf(negated, cap);
        }
        start[count] = from;
        end[count] = to;
        type[count] = kind;
        hash[count] = h;
        allCaps[count] = caps;
        elongated[count] = longRun;
        return count++;
    }
}
