package dev.undertone.app.model.comprehend;

/**
 * Makes a text fit Comprehend's per-document limit of 5,000 bytes of UTF-8: lone surrogates (which
 * have no UTF-8 form) become U+FFFD, and a longer text is cut at the last whole code point that
 * fits, never inside a surrogate pair.
 */
final class Utf8Limit {

    /** The documented limit of BatchDetectSentiment per document. */
    static final int MAX_BYTES = 5_000;

    private static final char REPLACEMENT = '\uFFFD';

    private Utf8Limit() {}

    /** The text with lone surrogates replaced, cut to at most {@code maxBytes} UTF-8 bytes. */
    static String fit(String text, int maxBytes) {
        StringBuilder sb = null;
        int bytes = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int width;
            int chars = 1;
            char replaced = 0;
            if (Character.isHighSurrogate(c)
                    && i + 1 < n
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                width = 4;
                chars = 2;
            } else if (Character.isSurrogate(c)) {
                width = 3;
                replaced = REPLACEMENT;
            } else if (c < 0x80) {
                width = 1;
            } else if (c < 0x800) {
                width = 2;
            } else {
                width = 3;
            }
            if (bytes + width > maxBytes) {
                return (sb != null ? sb : new StringBuilder(text.substring(0, i))).toString();
            }
            bytes += width;
            if (replaced != 0 && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                if (replaced != 0) {
                    sb.append(replaced);
                } else {
                    sb.append(text, i, i + chars);
                }
            }
            i += chars;
        }
        return sb != null ? sb.toString() : text;
    }

    /** Whether {@link #fit} would cut the text (not counting replaced surrogates). */
    static boolean exceeds(String text, int maxBytes) {
        // A char never takes more than 3 UTF-8 bytes, so short texts need no counting.
        if ((long) text.length() * 3 <= maxBytes) {
            return false;
        }
        return fit(text, maxBytes).length() < text.length();
    }
}
