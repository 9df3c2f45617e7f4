package dev.undertone.core.track;

import it.unimi.dsi.fastutil.floats.Float2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.AbstractObject2FloatMap;
import it.unimi.dsi.fastutil.objects.AbstractObjectSet;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatMaps;
import it.unimi.dsi.fastutil.objects.ObjectIterator;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * One of Lingua's n-gram models (n-gram to relative frequency) in about 10 bytes an n-gram instead
 * of about 70: Lingua keeps each n-gram as a {@code String} key of a hash map, this keeps it as a
 * number in a {@code long[]} hash table. An n-gram's letters become 8-bit codes (a model has at
 * most a few hundred distinct letters, Lingua's 14 Latin models 176 in all), packed with the index
 * of its frequency among the model's distinct frequencies (grouped in Lingua's files, at most
 * 70,422 in a model) into one {@code long}; open addressing with linear probing at a load of 0.8.
 * The frequencies are Lingua's own floats, so the detector's answers do not change.
 *
 * <p>Immutable, so thread-safe once built. Only reads are supported.
 */
final class PackedNgramModel extends AbstractObject2FloatMap<String> {
    private static final long serialVersionUID = 1L;

    /** Letters per n-gram at most (Lingua's 5-grams), each an 8-bit code. */
    static final int MAX_LENGTH = 5;

    private static final int CODE_BITS = 8;
    private static final double LOAD = 0.8;

    /** The letters of the model, sorted; a letter's code is its index + 1 (0 is no letter). */
    private final char[] letters;

    /** Codes of the letters below {@link #DIRECT}, looked up directly; 0 for letters not in it. */
    private final byte[] direct;

    private static final int DIRECT = 0x250; // Latin up to Latin Extended-B

    private final int length;
    private final float[] frequencies;
    private final int valueBits;
    private final long[] table;
    private final int size;

    private PackedNgramModel(
            char[] letters,
            int length,
            float[] frequencies,
            int valueBits,
            long[] table,
            int size) {
        this.letters = letters;
        this.length = length;
        this.frequencies = frequencies;
        this.valueBits = valueBits;
        this.table = table;
        this.size = size;
        this.direct = new byte[DIRECT];
        for (int i = 0; i < letters.length && letters[i] < DIRECT; i++) {
            direct[letters[i]] = (byte) (i + 1);
        }
    }

    /**
     * The packed copy of a model whose keys all have {@code length} letters.
     *
     * @throws IllegalArgumentException when a key has another length, or the model more distinct
     *     letters or frequencies than fit in a {@code long}
     */
    static PackedNgramModel of(Object2FloatMap<String> model, int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "n-gram length " + length + " not in 1.." + MAX_LENGTH);
        }
        // One pass for the letters (flags, not a sort of every key's letters) and the values;
        // the keys are read twice, so through Lingua's map's fast iteration.
        boolean[] seen = new boolean[Character.MAX_VALUE + 1];
        float[] values = new float[model.size()];
        int v = 0;
        for (Object2FloatMap.Entry<String> e : Object2FloatMaps.fastIterable(model)) {
            String key = e.getKey();
            if (key.length() != length) {
                throw new IllegalArgumentException(
                        "n-gram '" + key + "' in a model of " + length + "-grams");
            }
            for (int i = 0; i < length; i++) {
                seen[key.charAt(i)] = true;
            }
            values[v++] = e.getFloatValue();
        }
        char[] letters = letters(seen);
        if (letters.length >= 1 << CODE_BITS) {
            throw new IllegalArgumentException(letters.length + " letters: more than 8 bits");
        }
        float[] frequencies = distinct(values);
        int valueBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(frequencies.length - 1));
        if (length * CODE_BITS + valueBits > 63) {
            throw new IllegalArgumentException(frequencies.length + " frequencies: too many bits");
        }
        // A frequency's index by its bits: a hash lookup per n-gram, not a binary search.
        Float2IntOpenHashMap index = new Float2IntOpenHashMap(frequencies.length);
        for (int i = 0; i < frequencies.length; i++) {
            index.put(frequencies[i], i);
        }
        long[] table = new long[Math.max(1, (int) Math.ceil(model.size() / LOAD))];
        PackedNgramModel packed =
                new PackedNgramModel(letters, length, frequencies, valueBits, table, model.size());
        for (Object2FloatMap.Entry<String> e : Object2FloatMaps.fastIterable(model)) {
            long key = packed.code(e.getKey());
            int slot = packed.slot(key);
            while (table[slot] != 0) {
                slot = slot + 1 == table.length ? 0 : slot + 1;
            }
            table[slot] = key << valueBits | index.get(e.getFloatValue());
        }
        return packed;
    }

    @Override
    public float getFloat(Object key) {
        if (!(key instanceof String s) || s.length() != length) {
            return defRetValue;
        }
        long code = code(s);
        if (code == 0) {
            return defRetValue;
        }
        for (int slot = slot(code); ; slot = slot + 1 == table.length ? 0 : slot + 1) {
            long entry = table[slot];
            if (entry == 0) {
                return defRetValue;
            }
            if (entry >>> valueBits == code) {
                return frequencies[(int) (entry & ((1L << valueBits) - 1))];
            }
        }
    }

    @Override
    public boolean containsKey(Object key) {
        if (!(key instanceof String s) || s.length() != length) {
            return false;
        }
        long code = code(s);
        if (code == 0) {
            return false;
        }
        for (int slot = slot(code);
                table[slot] != 0;
                slot = slot + 1 == table.length ? 0 : slot + 1) {
            if (table[slot] >>> valueBits == code) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ObjectSet<Object2FloatMap.Entry<String>> object2FloatEntrySet() {
        return new AbstractObjectSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public ObjectIterator<Object2FloatMap.Entry<String>> iterator() {
                return new ObjectIterator<>() {
                    private int slot = next(0);

                    private int next(int from) {
                        while (from < table.length && table[from] == 0) {
                            from++;
                        }
                        return from;
                    }

                    @Override
                    public boolean hasNext() {
                        return slot < table.length;
                    }

                    @Override
                    public Object2FloatMap.Entry<String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        long entry = table[slot];
                        slot = next(slot + 1);
                        return new BasicEntry<>(
                                text(entry >>> valueBits),
                                frequencies[(int) (entry & ((1L << valueBits) - 1))]);
                    }
                };
            }
        };
    }

    /** The n-gram's letter codes, first letter highest; 0 when a letter is not in the model. */
    private long code(String s) {
        long code = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int letter;
            if (c < DIRECT) {
                letter = direct[c] & 0xff;
            } else {
                int at = Arrays.binarySearch(letters, c);
                letter = at < 0 ? 0 : at + 1;
            }
            if (letter == 0) {
                return 0;
            }
            code = code << CODE_BITS | letter;
        }
        return code;
    }

    private String text(long code) {
        char[] s = new char[length];
        for (int i = length - 1; i >= 0; i--) {
            s[i] = letters[(int) (code & ((1 << CODE_BITS) - 1)) - 1];
            code >>>= CODE_BITS;
        }
        return new String(s);
    }

    /** The home slot of a code: its bits mixed (Fibonacci hashing), scaled to the table. */
    private int slot(long code) {
        long mixed = (code * 0x9E3779B97F4A7C15L) >>> 32;
        return (int) ((mixed * table.length) >>> 32);
    }

    /** The flagged letters, in order. */
    private static char[] letters(boolean[] seen) {
        StringBuilder letters = new StringBuilder();
        for (int c = 0; c < seen.length; c++) {
            if (seen[c]) {
                letters.append((char) c);
            }
        }
        return letters.toString().toCharArray();
    }

    private static float[] distinct(float[] a) {
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || Float.compare(a[i], a[n - 1]) != 0) {
                a[n++] = a[i];
            }
        }
        return Arrays.copyOf(a, n);
    }
}
