package dev.undertone.core.sentiment.fast;

/**
 * {@link Character#isLetter(char)}, {@link Character#isDigit(char)} and {@link
 * Character#isLetterOrDigit(char)} for every UTF-16 unit, read from one table made once from those
 * methods, so the answers are the JDK's. The tokenizer asks for every character of every text; the
 * JDK answers a non-ASCII character through three dependent table lookups behind a dispatch on its
 * plane, which profiles of Arabic, accented and emoji-rich text put at 8% of scoring, this through
 * one.
 */
final class CharClasses {
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;

    private static final byte[] CLASSES = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            CLASSES[c] =
                    (byte)
                            ((Character.isLetter(ch) ? LETTER : 0)
                                    | (Character.isDigit(ch) ? DIGIT : 0));
        }
    }

    private CharClasses() {}

    static boolean isLetter(char c) {
        return (CLASSES[c] & LETTER) != 0;
    }

    static boolean isDigit(char c) {
        return (CLASSES[c] & DIGIT) != 0;
    }

    static boolean isLetterOrDigit(char c) {
        return CLASSES[c] != 0;
    }
}
