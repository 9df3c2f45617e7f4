package dev.undertone.core.track;

import java.util.Arrays;

/**
 * The letters of one n-gram model and their 8-bit codes: an n-gram becomes a number, its letters'
 * codes side by side, first letter highest. A code is the letter's index among the model's sorted
 * letters + 1, so 0 means no letter. Immutable.
 */
final class NgramLetters {
    /** Bits of a letter's code. */
    static final int CODE_BITS = 8;

    /**
     * Letters below this (Latin up to Latin Extended-B) are coded by a table, the rest searched.
     */
    private static final int DIRECT = 0x250;

    private final char[] letters;
    private final byte[] direct = new byte[DIRECT];

    private NgramLetters(char[] letters) {
        this.letters = letters;
        for (int i = 0; i < letters.length && letters[i] < DIRECT; i++) {
            direct[letters[i]] = (byte) (i + 1);
        }
    }

    /**
     * The letters flagged in {@code seen} (indexed by {@code char}).
     *
     * @throws IllegalArgumentException when there are more than an 8-bit code can tell apart
     */
    static NgramLetters of(boolean[] seen) {
        StringBuilder letters = new StringBuilder();
        for (int c = 0; c < seen.length; c++) {
            if (seen[c]) {
                letters.append((char) c);
            }
        }
        if (letters.length() >= 1 << CODE_BITS) {
            throw new IllegalArgumentException(letters.length() + " letters: more than 8 bits");
        }
        return new NgramLetters(letters.toString().toCharArray());
    }

    /** The code of an n-gram; 0 when a letter is not in the model. */
    long code(String ngram) {
        long code = 0;
        for (int i = 0; i < ngram.length(); i++) {
            int letter = letter(ngram.charAt(i));
            if (letter == 0) {
                return 0;
            }
            code = code << CODE_BITS | letter;
        }
        return code;
    }

    /**
     * The code of the n-gram at {@code text[start, start + length)}; 0 when a letter is not in the
     * model. An array rather than a CharSequence, so the lookups by String stay monomorphic.
     */
    long code(char[] text, int start, int length) {
        long code = 0;
        for (int i = start; i < start + length; i++) {
            int letter = letter(text[i]);
            if (letter == 0) {
                return 0;
            }
            code = code << CODE_BITS | letter;
        }
        return code;
    }

    private int letter(char c) {
        if (c < DIRECT) {
            return direct[c] & 0xff;
        }
        int at = Arrays.binarySearch(letters, c);
        return at < 0 ? 0 : at + 1;
    }

    /** The n-gram of {@code length} letters that a non-zero code stands for. */
    String text(long code, int length) {
        char[] s = new char[length];
        for (int i = length - 1; i >= 0; i--) {
            s[i] = letters[(int) (code & ((1 << CODE_BITS) - 1)) - 1];
            code >>>= CODE_BITS;
        }
        return new String(s);
    }
}
