package dev.undertone.app.store.lucene;

import dev.undertone.core.sentiment.fast.Hashing;

/**
 * A Bloom filter over post keys, so the writer can tell "certainly new" from "maybe stored" without
 * an index lookup for every post of a large replay. False positives cost one lookup; there are no
 * false negatives.
 */
final class KeyBloomFilter {
    private static final int BITS_PER_KEY = 10;
    private static final int HASHES = 7;

    private final long[] bits;
    private final long bitCount;
    private final long capacity;
    private long added;

    KeyBloomFilter(long capacity) {
        this.capacity = Math.max(capacity, 1024);
        long wanted = this.capacity * BITS_PER_KEY;
        this.bits = new long[(int) Math.min((wanted + 63) / 64, Integer.MAX_VALUE - 8)];
        this.bitCount = (long) bits.length * 64;
    }

    void add(CharSequence key) {
        long h = hash(key);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32);
        for (int i = 0; i < HASHES; i++) {
            long bit = Integer.toUnsignedLong(h1 + i * h2) % bitCount;
            bits[(int) (bit >>> 6)] |= 1L << bit;
        }
        added++;
    }

    boolean mightContain(CharSequence key) {
        long h = hash(key);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32);
        for (int i = 0; i < HASHES; i++) {
            long bit = Integer.toUnsignedLong(h1 + i * h2) % bitCount;
            if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether more keys were added than it was sized for (its false-positive rate is rising). */
    boolean isOverfull() {
        return added > capacity;
    }

    long size() {
        return added;
    }

    /** 64-bit FNV-1a over the UTF-16 units, finished with a murmur3 mix (the fast model's). */
    private static long hash(CharSequence s) {
        return Hashing.mix(Hashing.of(s));
    }
}
