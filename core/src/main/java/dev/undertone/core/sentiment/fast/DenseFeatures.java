package dev.undertone.core.sentiment.fast;

/**
 * The dense (non-hashed) features: a bias, lexicon evidence, and the style of the text (capitals,
 * elongations, exclamation and question marks, emoticons, negations).
 */
final class DenseFeatures {

    static final int BIAS = 0;
    static final int LEX_POS_SUM = 1;
    static final int LEX_NEG_SUM = 2;
    static final int LEX_POS_COUNT = 3;
    static final int LEX_NEG_COUNT = 4;
    static final int LEX_MAX = 5;
    static final int LEX_MIN = 6;
    static final int LEX_LAST = 7;
    static final int LEX_COMPOUND = 8;
    static final int ALL_CAPS = 9;
    static final int ELONGATED = 10;
    static final int EXCLAMATIONS = 11;
    static final int QUESTIONS = 12;
    static final int ENDS_EXCLAIMING = 13;
    static final int ENDS_ASKING = 14;
    static final int EMOTICON_POS = 15;
    static final int EMOTICON_NEG = 16;
    static final int NEGATIONS = 17;
    static final int LENGTH = 18;

    /** Number of dense slots. */
    static final int COUNT = 19;

    private DenseFeatures() {}
}
