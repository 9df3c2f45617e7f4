package dev.undertone.core.sentiment.fast;

import dev.undertone.core.text.TextNormalizer;

/**
 * Turns a normalised text into hashed and dense features: word unigrams and bigrams (a word in a
 * negation scope, from a negator such as {@code not} or {@code n't} to the next clause punctuation,
 * is a feature of its own), character n-grams over the lower-cased text, and the {@link
 * DenseFeatures} (VADER lexicon evidence with negation flips, capitals, elongations, punctuation,
 * emoticons).
 *
 * <p>Thread-safe: all per-text state lives in the caller's {@link Tokens}.
 */
final class FeatureExtractor {

    private static final long[] TYPE_SALT = {
        0L,
        0x9e3779b97f4a7c15L,
        0xbf58476d1ce4e5b9L,
        0x94d049bb133111ebL,
        0x2545f4914f6cdd1dL,
        0x5851f42d4c957f2dL
    };
    private static final long NEGATED = 0x6a09e667f3bcc909L;
    private static final long CHAR_SALT = 0x3c6ef372fe94f82bL;
    private static final long BOUNDARY = 0xa54ff53a5f1d36f1L;

    /** VADER's damping of a negated word's valence. */
    private static final float NEGATION_FLIP = -0.74f;

    /** VADER's normalisation constant of the compound score. */
    private static final float COMPOUND_ALPHA = 15f;

    private static final float MAX_VALENCE = 4f;
    private static final float CAPS_BOOST = 1.2f;

    private final FeatureSpec spec;
    private final Lexicon lexicon;
    private final Tokenizer tokenizer;
    private final Negators negators = new Negators();
    private final int normalization;

    FeatureExtractor(FeatureSpec spec, Lexicon lexicon) {
        this(spec, lexicon, LanguageNormalization.NONE);
    }

    /**
     * @param normalization the {@link LanguageNormalization} flags applied before tokenising
     */
    FeatureExtractor(FeatureSpec spec, Lexicon lexicon, int normalization) {
        if ((normalization & ~LanguageNormalization.ALL) != 0) {
            throw new IllegalArgumentException("unknown normalization flags " + normalization);
        }
        this.spec = spec;
        this.lexicon = lexicon;
        this.tokenizer = new Tokenizer(lexicon);
        this.normalization = normalization;
    }

    int normalization() {
        return normalization;
    }

    /** A text as the features see it: normalised, then folded for its language. */
    String prepare(String text) {
        return LanguageNormalization.apply(TextNormalizer.normalize(text), normalization);
    }

    FeatureSpec spec() {
        return spec;
    }

    int lexiconSize() {
        return lexicon.size();
    }

    /** Emits the features of one normalised, non-empty text. */
    void extract(String text, Tokens tokens, FeatureSink sink) {
        tokenizer.tokenize(text, tokens);
        int negations = markNegationScopes(tokens);
        words(tokens, sink);
        dense(tokens, negations, sink);
        if (spec.charMin() > 0) {
            chars(tokens, sink);
        }
    }

    /** Marks the words inside a negation scope; returns the number of negators. */
    private int markNegationScopes(Tokens t) {
        boolean inScope = false;
        int negations = 0;
        for (int i = 0; i < t.count; i++) {
            byte type = t.type[i];
            t.negated[i] = inScope && type == Tokens.WORD;
            if (type == Tokens.PUNCT) {
                inScope &= !endsScope(t.lower[t.start[i]]);
            } else if (type == Tokens.EMOTICON) {
                inScope = false;
            } else if (type == Tokens.WORD && negators.isNegator(t, i)) {
                inScope = true;
                negations++;
            }
        }
        return negations;
    }

    /** Unigrams (plus negated copies and hashtag bodies) and bigrams, with boundaries. */
    private void words(Tokens t, FeatureSink sink) {
        int bits = spec.bits();
        int[] out = t.buckets(4 * t.count + 1);
        int n = 0;
        long prev = BOUNDARY;
        for (int i = 0; i < t.count; i++) {
            byte type = t.type[i];
            long h = t.hash[i] ^ TYPE_SALT[type];
            out[n++] = Hashing.bucket(h, bits);
            if (spec.negation() && t.negated[i]) {
                out[n++] = Hashing.bucket(h ^ NEGATED, bits);
            }
            if (type == Tokens.HASHTAG) {
                out[n++] = Hashing.bucket(t.hash[i], bits);
            }
            if (spec.wordBigrams()) {
                out[n++] = Hashing.bucket(Hashing.combine(prev, h), bits);
            }
            prev = h;
        }
        if (spec.wordBigrams()) {
            out[n++] = Hashing.bucket(Hashing.combine(prev, BOUNDARY), bits);
        }
        sink.hashed(FeatureSink.WORDS, out, n);
    }

    /** The {@link DenseFeatures}: lexicon evidence and the style of the text. */
    private void dense(Tokens t, int negations, FeatureSink sink) {
        LexiconEvidence lex = new LexiconEvidence();
        int caps = 0;
        int elongated = 0;
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < t.count; i++) {
            byte type = t.type[i];
            // SYMBOL: emoji, which only a language lexicon rates (VADER's has none).
            if (type == Tokens.WORD
                    || type == Tokens.HASHTAG
                    || type == Tokens.EMOTICON
                    || type == Tokens.SYMBOL) {
                lex.add(t, i, lexicon.valence(t.hash[i]));
            }
            caps += t.allCaps[i] ? 1 : 0;
            elongated += t.elongated[i] ? 1 : 0;
            if (type == Tokens.PUNCT) {
                char c = t.lower[t.start[i]];
                int len = t.end[i] - t.start[i];
                exclamations += c == '!' ? len : 0;
                questions += c == '?' ? len : 0;
            }
        }
        lex.emit(sink);
        sink.dense(DenseFeatures.BIAS, 1f);
        sink.dense(DenseFeatures.ALL_CAPS, log1p(caps));
        sink.dense(DenseFeatures.ELONGATED, log1p(elongated));
        sink.dense(DenseFeatures.EXCLAMATIONS, log1p(exclamations));
        sink.dense(DenseFeatures.QUESTIONS, log1p(questions));
        sink.dense(DenseFeatures.NEGATIONS, log1p(negations));
        sink.dense(DenseFeatures.LENGTH, log1p(t.count) / 4f);
        int last = lastNonSpace(t);
        sink.dense(DenseFeatures.ENDS_EXCLAIMING, last == '!' ? 1f : 0f);
        sink.dense(DenseFeatures.ENDS_ASKING, last == '?' ? 1f : 0f);
    }

    /** The n-grams of the lower-cased text with a space before and after it. */
    private void chars(Tokens t, FeatureSink sink) {
        int bits = spec.bits();
        int min = spec.charMin();
        int max = spec.charMax();
        int n = t.length;
        char[] padded = t.padded();
        int len = n + 2;
        int[] out = t.buckets((n + 1) * (max - min + 1));
        int count = 0;
        for (int i = 0; i <= n && i + min <= len; i++) {
            long h = Hashing.SEED;
            int k = 0;
            for (; k < min - 1; k++) {
                h = Hashing.step(h, padded[i + k]);
            }
            int last = Math.min(max, len - i);
            for (; k < last; k++) {
                h = Hashing.step(h, padded[i + k]);
                out[count++] = Hashing.bucket(h ^ CHAR_SALT, bits);
            }
        }
        sink.hashed(FeatureSink.CHARS, out, count);
    }

    private static boolean endsScope(char c) {
        return c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?';
    }

    private static int lastNonSpace(Tokens t) {
        return t.count == 0 ? 0 : t.lower[t.end[t.count - 1] - 1];
    }

    /** {@code log(1 + count)}, from a table for the small counts a tweet has. */
    static float log1p(int count) {
        return count < LOG1P.length ? LOG1P[count] : (float) Math.log1p(count);
    }

    private static final float[] LOG1P = new float[64];

    static {
        for (int i = 0; i < LOG1P.length; i++) {
            LOG1P[i] = (float) Math.log1p(i);
        }
    }

    /** Sums of the lexicon valences seen in one text. */
    private static final class LexiconEvidence {
        float posSum;
        float negSum;
        int posCount;
        int negCount;
        float max;
        float min;
        float last;
        int emoticonPos;
        int emoticonNeg;

        /** Adds token {@code i}'s valence, flipped in a negation scope, boosted in capitals. */
        void add(Tokens t, int i, float valence) {
            if (valence == 0f) {
                return;
            }
            float v = t.negated[i] ? valence * NEGATION_FLIP : valence;
            if (t.allCaps[i]) {
                v *= CAPS_BOOST;
            }
            boolean emoticon = t.type[i] == Tokens.EMOTICON || t.type[i] == Tokens.SYMBOL;
            if (v > 0) {
                posSum += v;
                posCount++;
                emoticonPos += emoticon ? 1 : 0;
            } else {
                negSum -= v;
                negCount++;
                emoticonNeg += emoticon ? 1 : 0;
            }
            max = Math.max(max, v);
            min = Math.min(min, v);
            last = v;
        }

        void emit(FeatureSink sink) {
            float total = posSum - negSum;
            sink.dense(DenseFeatures.LEX_POS_SUM, posSum / MAX_VALENCE);
            sink.dense(DenseFeatures.LEX_NEG_SUM, negSum / MAX_VALENCE);
            sink.dense(DenseFeatures.LEX_POS_COUNT, log1p(posCount));
            sink.dense(DenseFeatures.LEX_NEG_COUNT, log1p(negCount));
            sink.dense(DenseFeatures.LEX_MAX, max / MAX_VALENCE);
            sink.dense(DenseFeatures.LEX_MIN, min / MAX_VALENCE);
            sink.dense(DenseFeatures.LEX_LAST, last / MAX_VALENCE);
            sink.dense(
                    DenseFeatures.LEX_COMPOUND,
                    total / (float) Math.sqrt(total * total + COMPOUND_ALPHA));
            sink.dense(DenseFeatures.EMOTICON_POS, log1p(emoticonPos));
            sink.dense(DenseFeatures.EMOTICON_NEG, log1p(emoticonNeg));
        }
    }
}
