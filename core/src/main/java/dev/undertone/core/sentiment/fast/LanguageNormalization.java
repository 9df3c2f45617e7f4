package dev.undertone.core.sentiment.fast;

import java.text.Normalizer;

/**
 * Language-specific folding applied after {@link dev.undertone.core.text.TextNormalizer}, so that
 * spellings a small training set sees only some of meet in one feature. The flags are stored in the
 * model file with {@link #LEXICON}, which selects the lexicon; English (fast-1) uses none.
 */
final class LanguageNormalization {

    /** No folding. */
    static final int NONE = 0;

    /**
     * Arabic: short-vowel marks (tashkeel) and the tatweel (elongation stroke) dropped; alef with
     * hamza or madda to bare alef, alef maqsura to ya, ta marbuta to ha, hamza seats to their
     * letter.
     */
    static final int ARABIC = 1;

    /** Latin accents folded: {@code é} and {@code e} are one letter (tweets often omit accents). */
    static final int FOLD_ACCENTS = 2;

    /**
     * Not a folding but stored with them: the model's lexicon features use its language's own
     * sentiment lexicon besides VADER's ({@link Lexicon#of}). Texts are not changed by it.
     */
    static final int LEXICON = 4;

    /** The flags that exist; others in a model file are an error. */
    static final int ALL = ARABIC | FOLD_ACCENTS | LEXICON;

    private LanguageNormalization() {}

    /** The text with the foldings of {@code flags} applied; the text itself when none apply. */
    static String apply(String text, int flags) {
        String s = text;
        if ((flags & ARABIC) != 0) {
            s = arabic(s);
        }
        if ((flags & FOLD_ACCENTS) != 0) {
            s = foldAccents(s);
        }
        return s;
    }

    private static String arabic(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char r = arabicFold(c);
            if (r != c && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null && r != 0) {
                b.append(r);
            }
        }
        return b == null ? s : b.toString();
    }

    /** The folded letter, or 0 to drop it. */
    private static char arabicFold(char c) {
        if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
            return 0;
        }
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671' -> '\u0627';
            case '\u0649' -> '\u064A';
            case '\u0629' -> '\u0647';
            case '\u0624' -> '\u0648';
            case '\u0626' -> '\u064A';
            default -> c;
        };
    }

    private static String foldAccents(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 128;
        }
        if (ascii) {
            return s;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            // Only the marks that follow a Latin letter: Devanagari and Arabic marks are letters'
            // parts there.
            if (Character.getType(c) == Character.NON_SPACING_MARK
                    && i > 0
                    && d.charAt(i - 1) < 0x250) {
                continue;
            }
            b.append(c);
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }
}
