package dev.undertone.core.text;

/**
 * The character-level half of {@link TextNormalizer}: decodes literal {@code \}{@code uXXXX}
 * escapes and HTML entities, drops what carries no text (controls, lone surrogates, bidi and
 * zero-width marks, variation selectors), folds typographic punctuation to ASCII, maps common emoji
 * to the emoticons of the training data, and collapses whitespace.
 */
final class CharFolding {

    private CharFolding() {}

    /** Decodes and folds the first {@code maxChars} characters of {@code text}. */
    static String decode(CharSequence text, int maxChars) {
        int end = Math.min(text.length(), maxChars);
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        CharSequence units = hasEscapes(text, end) ? unescape(text, end) : text;
        return fold(units, units == text ? end : units.length());
    }

    private static boolean hasEscapes(CharSequence text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '&') {
                return true;
            }
        }
        return false;
    }

    /** First pass: escapes and entities to UTF-16 units, which may still be unpaired. */
    private static CharSequence unescape(CharSequence text, int end) {
        StringBuilder out = new StringBuilder(end);
        int i = 0;
        while (i < end) {
            char c = text.charAt(i);
            int consumed = 0;
            if (c == '\\' && isUnicodeEscape(text, i, end)) {
                out.append((char) Integer.parseInt(text.subSequence(i + 2, i + 6).toString(), 16));
                consumed = 6;
            } else if (c == '&') {
                consumed = HtmlEntities.decodeAt(text, i, end, out);
            }
            if (consumed == 0) {
                out.append(c);
                consumed = 1;
            }
            i += consumed;
        }
        return out;
    }

    private static boolean isUnicodeEscape(CharSequence text, int i, int end) {
        if (i + 6 > end || text.charAt(i + 1) != 'u') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Second pass: pairs surrogates, drops and folds characters, collapses whitespace. */
    private static String fold(CharSequence units, int length) {
        StringBuilder sb = new StringBuilder(length + 8);
        boolean pendingSpace = false;
        int i = 0;
        while (i < length) {
            char c = units.charAt(i);
            if (c < 128) {
                // ASCII: printable characters stay, the rest (controls, blanks) separate words
                if (c > ' ' && c != 127) {
                    if (pendingSpace) {
                        sb.append(' ');
                        pendingSpace = false;
                    }
                    sb.append(c);
                } else {
                    pendingSpace = sb.length() > 0;
                }
                i++;
                continue;
            }
            int cp;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(units.charAt(i + 1))) {
                    cp = Character.toCodePoint(c, units.charAt(i + 1));
                    i += 2;
                } else {
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                i++;
                continue;
            } else {
                cp = c;
                i++;
            }
            String replacement = replacementOf(cp);
            if (replacement == null) {
                if (isSpace(cp)) {
                    pendingSpace = sb.length() > 0;
                } else if (!isInvisible(cp)) {
                    if (pendingSpace) {
                        sb.append(' ');
                        pendingSpace = false;
                    }
                    sb.appendCodePoint(cp);
                }
            } else if (replacement.startsWith(" ")) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(replacement, 1, replacement.length());
                pendingSpace = true;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(replacement);
            }
        }
        return sb.toString();
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp)
                || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.CONTROL;
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    /**
     * The ASCII text a character stands for, or null to keep it. A replacement starting with a
     * space is a separate token (emoji); others join the surrounding word (punctuation).
     */
    private static String replacementOf(int cp) {
        return switch (cp) {
            case '\u2018', '\u2019', '\u201B', '\u2032', '\u02BC', '\uFF07' -> "'";
            case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB' -> "\"";
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> "-";
            case '\u2026' -> "...";
            default -> Emoticons.of(cp);
        };
    }
}
