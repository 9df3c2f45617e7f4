package dev.undertone.core.sentiment.fast;

/**
 * The hash functions of the feature hashing trick: FNV-1a over characters (so features are hashed
 * straight from a char buffer, with no String per token) and the MurmurHash3 finaliser to spread
 * the bits before they pick a bucket. Public so that other keyed structures (the store's key
 * filter) use the same hashing rather than a copy of it.
 */
public final class Hashing {

    static final long SEED = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Hashing() {}

    /** One FNV-1a step. */
    static long step(long h, char c) {
        return (h ^ c) * PRIME;
    }

    /** The FNV-1a hash of {@code chars[from..to)}. */
    static long of(char[] chars, int from, int to) {
        long h = SEED;
        for (int i = from; i < to; i++) {
            h = step(h, chars[i]);
        }
        return h;
    }

    /** The FNV-1a hash of a string (for dictionaries built once: lexicon, negators). */
    public static long of(CharSequence s) {
        long h = SEED;
        for (int i = 0; i < s.length(); i++) {
            h = step(h, s.charAt(i));
        }
        return h;
    }

    /** MurmurHash3's 64-bit finaliser. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** An order-sensitive combination of two hashes (bigrams, namespaces). */
    static long combine(long a, long b) {
        return mix(a * 31 + b) ^ b;
    }

    /**
     * The bucket in a table of {@code 2^bits} for a hash: the top bits of its full mix (a cheaper
     * one-multiply mix collided more and cost half a point of validation macro recall).
     */
    static int bucket(long h, int bits) {
        return (int) (mix(h) >>> (64 - bits));
    }
}
