package dev.undertone.core.track;

import it.unimi.dsi.fastutil.floats.Float2IntOpenHashMap;
import it.unimi.dsi.fastutil.floats.FloatArrayList;

/**
 * Builds a {@link PackedNgramModel} in two passes over its n-grams, taken from arrays of letters so
 * that no n-gram needs a {@code String}. The first pass ({@link #see}, {@link #frequency}) flags
 * the letters and numbers the distinct frequencies, which fix the codes and the bits of an entry;
 * the second ({@link #put}) puts each n-gram in the table. Used once, by one thread.
 */
final class PackedNgramModelBuilder {
    /** The table's load at most: open addressing with linear probing stays short below it. */
    private static final double LOAD = 0.8;

    private final int length;
    private boolean[] seen = new boolean[Character.MAX_VALUE + 1];
    private int ngrams;

    /** The distinct frequencies, in the order first given, and each one's index there. */
    private final FloatArrayList frequencies = new FloatArrayList();

    private final Float2IntOpenHashMap index = new Float2IntOpenHashMap();

    private NgramLetters letters;
    private int valueBits;
    private long[] table;
    private int size;

    /**
     * A builder of a model of n-grams of {@code length} letters.
     *
     * @throws IllegalArgumentException when the length is not 1 to {@link
     *     PackedNgramModel#MAX_LENGTH}
     */
    PackedNgramModelBuilder(int length) {
        if (length < 1 || length > PackedNgramModel.MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "n-gram length " + length + " not in 1.." + PackedNgramModel.MAX_LENGTH);
        }
        this.length = length;
        index.defaultReturnValue(-1);
    }

    /** First pass: the n-gram at {@code text[start, start + length)} is in the model. */
    void see(char[] text, int start) {
        if (table != null) {
            throw new IllegalStateException("n-grams seen after the first was put");
        }
        for (int i = start; i < start + length; i++) {
            seen[text[i]] = true;
        }
        ngrams++;
    }

    /**
     * The index of a frequency, to {@link #put} n-grams with: a new one in the first pass, or the
     * one the same frequency got before.
     *
     * @throws IllegalStateException (a bug) when the frequency is new in the second pass
     */
    int frequency(float value) {
        int i = index.get(value);
        if (i < 0) {
            if (table != null) {
                throw new IllegalStateException("frequency " + value + " new in the second pass");
            }
            i = frequencies.size();
            frequencies.add(value);
            index.put(value, i);
        }
        return i;
    }

    /**
     * A new index for a frequency, without looking for one it has already: for a source that gives
     * each value once, such as Lingua's files (one fraction per group of n-grams), where a look-up
     * per value is a fifth of the time. A value given twice costs an index more, nothing else.
     *
     * @throws IllegalStateException (a bug) in the second pass
     */
    int newFrequency(float value) {
        if (table != null) {
            throw new IllegalStateException("frequency " + value + " new in the second pass");
        }
        frequencies.add(value);
        return frequencies.size() - 1;
    }

    /**
     * Second pass: the n-gram at {@code text[start, start + length)} has the frequency of this
     * index. An n-gram put twice keeps the second frequency, as a map's put does.
     *
     * @throws IllegalArgumentException when the model has more distinct frequencies than fit in a
     *     {@code long} beside the letters
     * @throws IllegalStateException (a bug) when the n-gram was not seen in the first pass
     */
    void put(char[] text, int start, int frequency) {
        if (table == null) {
            startSecondPass();
        }
        long code = letters.code(text, start, length);
        if (code == 0 || frequency < 0 || frequency >= frequencies.size()) {
            throw new IllegalStateException(
                    "n-gram '"
                            + new String(text, start, length)
                            + "' or its frequency not seen in the first pass");
        }
        int slot = PackedNgramModel.slot(code, table.length);
        while (table[slot] != 0 && table[slot] >>> valueBits != code) {
            slot = slot + 1 == table.length ? 0 : slot + 1;
        }
        if (table[slot] == 0) {
            size++;
        }
        table[slot] = code << valueBits | frequency;
    }

    /** The model: the n-grams put, each once. */
    PackedNgramModel build() {
        if (table == null) {
            startSecondPass();
        }
        return new PackedNgramModel(
                letters, length, frequencies.toFloatArray(), valueBits, table, size);
    }

    private void startSecondPass() {
        letters = NgramLetters.of(seen);
        seen = null;
        // Bits for the indexes 0 to size - 1; 1 for a model of one frequency, or none.
        valueBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, frequencies.size() - 1));
        if (length * NgramLetters.CODE_BITS + valueBits > 63) {
            throw new IllegalArgumentException(frequencies.size() + " frequencies: too many bits");
        }
        table = new long[Math.max(1, (int) Math.ceil(ngrams / LOAD))];
    }
}
