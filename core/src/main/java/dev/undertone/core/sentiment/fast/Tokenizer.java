package dev.undertone.core.sentiment.fast;

/**
 * Splits a normalised text into tokens in one pass over its characters: words (with inner
 * apostrophes), hashtags, mentions, emoticons (any lexicon entry that starts with a symbol, e.g.
 * {@code :-)} or {@code </3}), runs of one punctuation mark, and single other symbols (emoji).
 *
 * <p>Each token gets the hash of its canonical form: lower case, digits as {@code 0}, and letters
 * repeated three or more times cut to two ({@code soooo} is {@code soo}), so the feature is hashed
 * from the char buffer without building a String. The hash of a hashtag or mention is that of its
 * body, without the {@code #} or {@code @}; its type tells them apart.
 */
final class Tokenizer {

    private static final int MAX_EMOTICON = 4;
    private static final int MAX_RUN = 2;

    private final Lexicon lexicon;

    Tokenizer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Tokenises {@code text} into {@code out}, which is reset first. */
    void tokenize(String text, Tokens out) {
        int n = text.length();
        out.reset(n);
        char[] lower = out.lower;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            lower[i] =
                    c < 128
                            ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c)
                            : Character.toLowerCase(c);
        }
        out.length = n;
        int i = 0;
        while (i < n) {
            if (lower[i] == ' ') {
                i++;
                continue;
            }
            int chunkEnd = text.indexOf(' ', i);
            if (chunkEnd < 0) {
                chunkEnd = n;
            }
            while (i < chunkEnd) {
                i = next(text, lower, i, chunkEnd, out);
            }
        }
    }

    private int next(String text, char[] lower, int i, int chunkEnd, Tokens out) {
        char c = lower[i];
        if (isWordChar(c)) {
            return word(text, lower, i, i, chunkEnd, Tokens.WORD, out);
        }
        int emoticon = emoticonLength(lower, i, chunkEnd);
        if (emoticon > 0) {
            out.add(
                    i,
                    i + emoticon,
                    Tokens.EMOTICON,
                    Hashing.of(lower, i, i + emoticon),
                    false,
                    false);
            return i + emoticon;
        }
        if ((c == '#' || c == '@') && i + 1 < chunkEnd && isWordChar(lower[i + 1])) {
            return word(
                    text,
                    lower,
                    i,
                    i + 1,
                    chunkEnd,
                    c == '#' ? Tokens.HASHTAG : Tokens.MENTION,
                    out);
        }
        if (Character.isHighSurrogate(c) && i + 1 < chunkEnd) {
            out.add(i, i + 2, Tokens.SYMBOL, Hashing.of(lower, i, i + 2), false, false);
            return i + 2;
        }
        if (c < 128) {
            int j = i + 1;
            while (j < chunkEnd && lower[j] == c) {
                j++;
            }
            long h = Hashing.SEED;
            for (int k = 0; k < Math.min(j - i, 3); k++) {
                h = Hashing.step(h, c);
            }
            out.add(i, j, Tokens.PUNCT, h, false, false);
            return j;
        }
        out.add(i, i + 1, Tokens.SYMBOL, Hashing.step(Hashing.SEED, c), false, false);
        return i + 1;
    }

    private int word(
            String text, char[] lower, int from, int body, int chunkEnd, byte kind, Tokens out) {
        long h = Hashing.SEED;
        int j = body;
        char prev = 0;
        int run = 0;
        boolean longRun = false;
        int letters = 0;
        int upper = 0;
        while (j < chunkEnd) {
            char c = lower[j];
            if (!isWordChar(c)) {
                boolean innerApostrophe =
                        c == '\''
                                && j + 1 < chunkEnd
                                && CharClasses.isLetter(lower[j + 1])
                                && j > body;
                if (!innerApostrophe) {
                    break;
                }
            }
            boolean letter = isLetter(c);
            char canonical = !letter && isDigit(c) ? '0' : c;
            run = canonical == prev ? run + 1 : 1;
            prev = canonical;
            if (run > MAX_RUN) {
                longRun |= letter;
            } else {
                h = Hashing.step(h, canonical);
            }
            if (letter) {
                letters++;
                if (text.charAt(j) != c) {
                    upper++;
                }
            }
            j++;
        }
        out.add(from, j, kind, h, letters >= 2 && upper == letters, longRun);
        return j;
    }

    private int emoticonLength(char[] lower, int i, int chunkEnd) {
        if (!lexicon.mayStartEmoticon(lower[i])) {
            return 0;
        }
        for (int len = Math.min(MAX_EMOTICON, chunkEnd - i); len >= 2; len--) {
            int after = i + len;
            if (after < chunkEnd && CharClasses.isLetterOrDigit(lower[after])) {
                continue;
            }
            if (lexicon.isEmoticon(Hashing.of(lower, i, after))) {
                return len;
            }
        }
        return 0;
    }

    /** The hash {@link #tokenize} gives a word: what lexicon entries are keyed by. */
    static long canonicalHash(String word) {
        long h = Hashing.SEED;
        char prev = 0;
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            char canonical = Character.isDigit(c) ? '0' : c;
            run = canonical == prev ? run + 1 : 1;
            prev = canonical;
            if (run <= MAX_RUN) {
                h = Hashing.step(h, canonical);
            }
        }
        return h;
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || (c >= 'A' && c <= 'Z');
        }
        return CharClasses.isLetterOrDigit(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : CharClasses.isLetter(c);
    }

    private static boolean isDigit(char c) {
        return c < 128 ? c >= '0' && c <= '9' : CharClasses.isDigit(c);
    }
}
