package dev.undertone.core.track;

import java.util.Arrays;

/**
 * The words of a lower-cased text: maximal runs of letters, digits, combining marks and underscores
 * (Unicode-aware), each flagged when a {@code #} directly precedes it. Everything else separates
 * words, so {@code #Stimulus!} holds the word {@code stimulus}.
 *
 * <p>Reused across calls by one thread; not thread-safe.
 */
final class WordTokens {
    private String[] words = new String[64];
    private boolean[] hashtag = new boolean[64];
    private int size;

    /** Splits {@code lower} into words, replacing what the previous call held. */
    WordTokens split(String lower) {
        size = 0;
        int n = lower.length();
        int i = 0;
        while (i < n) {
            int cp = lower.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = lower.codePointAt(i);
                if (!isWordChar(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            add(lower.substring(start, i), start > 0 && isHash(lower.charAt(start - 1)));
        }
        return this;
    }

    int size() {
        return size;
    }

    String word(int i) {
        return words[i];
    }

    boolean isHashtag(int i) {
        return hashtag[i];
    }

    private void add(String word, boolean hash) {
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
            hashtag = Arrays.copyOf(hashtag, size * 2);
        }
        words[size] = word;
        hashtag[size] = hash;
        size++;
    }

    static boolean isHash(char c) {
        return c == '#' || c == '\uff03';
    }

    static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z')
                    || (cp >= '0' && cp <= '9')
                    || cp == '_'
                    || (cp >= 'A' && cp <= 'Z');
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK
                || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    /**
     * Whether the code point belongs to a script written without spaces between words (Chinese,
     * Japanese, Thai, ...), where words can only be found as substrings.
     */
    static boolean isUnspacedScript(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN
                || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.THAI
                || s == Character.UnicodeScript.LAO
                || s == Character.UnicodeScript.KHMER
                || s == Character.UnicodeScript.MYANMAR
                || s == Character.UnicodeScript.TIBETAN;
    }
}
