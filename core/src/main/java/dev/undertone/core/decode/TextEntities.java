package dev.undertone.core.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds hashtags, mentions and links in plain text, for formats that carry no entities of their own
 * (generic JSON, text lines, CSV).
 */
final class TextEntities {
    private TextEntities() {}

    /** {@code #word} occurrences, without the {@code #}, deduplicated case-insensitively. */
    static List<String> hashtags(String text) {
        return prefixed(text, '#', false);
    }

    /** {@code @handle} occurrences (handles may contain dots), without the {@code @}. */
    static List<String> mentions(String text) {
        return prefixed(text, '@', true);
    }

    /** {@code http://} and {@code https://} links, up to the next whitespace. */
    static List<String> links(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int i = text.indexOf("http", from);
            if (i < 0) {
                return out;
            }
            boolean boundary = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int start =
                    text.startsWith("https://", i)
                            ? i + 8
                            : text.startsWith("http://", i) ? i + 7 : -1;
            if (!boundary || start < 0) {
                from = i + 4;
                continue;
            }
            int end = start;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            // Trailing punctuation belongs to the sentence, not the link.
            while (end > start && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            if (end > start && !out.contains(text.substring(i, end))) {
                out.add(text.substring(i, end));
            }
            from = Math.max(end, i + 4);
        }
    }

    private static List<String> prefixed(String text, char marker, boolean allowDots) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        for (int i = text.indexOf(marker); i >= 0 && i < n; i = text.indexOf(marker, i + 1)) {
            if (i > 0 && isWordChar(text.codePointBefore(i))) {
                continue;
            }
            int end = i + 1;
            while (end < n) {
                int cp = text.codePointAt(end);
                boolean inner =
                        allowDots
                                && (cp == '.' || cp == '-')
                                && end + 1 < n
                                && isWordChar(text.codePointAt(end + 1));
                if (!isWordChar(cp) && !inner) {
                    break;
                }
                end += Character.charCount(cp);
            }
            if (end > i + 1) {
                String word = text.substring(i + 1, end);
                if (out.stream().noneMatch(word::equalsIgnoreCase)) {
                    out.add(word);
                }
            }
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '_' || isMark(cp);
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK
                || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }
}
