package dev.undertone.core.track;

import it.unimi.dsi.fastutil.objects.AbstractObject2FloatMap;
import it.unimi.dsi.fastutil.objects.AbstractObjectSet;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.Object2FloatMaps;
import it.unimi.dsi.fastutil.objects.ObjectIterator;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.util.NoSuchElementException;

/**
 * One of Lingua's n-gram models (n-gram to relative frequency) in about 10 bytes an n-gram instead
 * of about 70: Lingua keeps each n-gram as a {@code String} key of a hash map, this keeps it as a
 * number in a {@code long[]} hash table. An n-gram's letters become 8-bit codes (a model has at
 * most a few hundred distinct letters, Lingua's 14 Latin models 176 in all), packed with the index
 * of its frequency among the model's frequencies (one per group of n-grams in Lingua's files, at
 * most 70,422 in a model) into one {@code long}; open addressing with linear probing at a load of
 * 0.8. {@link PackedNgramModelBuilder} builds it. The frequencies are Lingua's own floats, so the
 * detector's answers do not change.
 *
 * <p>Immutable, so thread-safe once built. Only reads are supported.
 */
final class PackedNgramModel extends AbstractObject2FloatMap<String> {
    private static final long serialVersionUID = 1L;

    /** Letters per n-gram at most (Lingua's 5-grams), each an 8-bit code. */
    static final int MAX_LENGTH = 5;

    private final NgramLetters letters;
    private final int length;
    private final float[] frequencies;
    private final int valueBits;
    private final long[] table;
    private final int size;

    /** The model {@link PackedNgramModelBuilder} filled in; the arrays are its, not copied. */
    PackedNgramModel(
            NgramLetters letters,
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
    }

    /**
     * The packed copy of a model whose keys all have {@code length} letters (for models built in
     * code; Lingua's files are read by {@link LinguaModelReader}, with no map in between).
     *
     * @throws IllegalArgumentException when a key has another length, or the model more distinct
     *     letters or frequencies than fit in a {@code long}
     */
    static PackedNgramModel of(Object2FloatMap<String> model, int length) {
        PackedNgramModelBuilder builder = new PackedNgramModelBuilder(length);
        for (Object2FloatMap.Entry<String> e : Object2FloatMaps.fastIterable(model)) {
            String key = e.getKey();
            if (key.length() != length) {
                throw new IllegalArgumentException(
                        "n-gram '" + key + "' in a model of " + length + "-grams");
            }
            builder.see(key.toCharArray(), 0);
            builder.frequency(e.getFloatValue());
        }
        for (Object2FloatMap.Entry<String> e : Object2FloatMaps.fastIterable(model)) {
            builder.put(e.getKey().toCharArray(), 0, builder.frequency(e.getFloatValue()));
        }
        return builder.build();
    }

    /**
     * The home slot of a code in a table of {@code slots}: its bits mixed (Fibonacci hashing), then
     * scaled to the table.
     */
    static int slot(long code, int slots) {
        long mixed = (code * 0x9E3779B97F4A7C15L) >>> 32;
        return (int) ((mixed * slots) >>> 32);
    }

    @Override
    public float getFloat(Object key) {
        int slot = slotOf(key);
        return slot < 0 ? defRetValue : frequencies[(int) (table[slot] & ((1L << valueBits) - 1))];
    }

    @Override
    public boolean containsKey(Object key) {
        return slotOf(key) >= 0;
    }

    /** The slot of an n-gram of the model, or -1 when the key is not one. */
    private int slotOf(Object key) {
        if (!(key instanceof String s) || s.length() != length) {
            return -1;
        }
        long code = letters.code(s);
        if (code == 0) {
            return -1;
        }
        for (int slot = slot(code, table.length);
                table[slot] != 0;
                slot = slot + 1 == table.length ? 0 : slot + 1) {
            if (table[slot] >>> valueBits == code) {
                return slot;
            }
        }
        return -1;
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
                                letters.text(entry >>> valueBits, length),
                                frequencies[(int) (entry & ((1L << valueBits) - 1))]);
                    }
                };
            }
        };
    }
}
