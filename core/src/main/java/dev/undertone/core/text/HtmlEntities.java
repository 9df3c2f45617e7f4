package dev.undertone.core.text;

import java.util.Map;

/**
 * Decodes HTML character references: the named ones posts actually carry ({@code &amp; &lt; &gt;
 * &quot; &apos; &nbsp;}, typographic quotes and dashes, a few symbols) and every numeric one that
 * names a character. Used for Mastodon's HTML and for the escaped text of tweets alike.
 *
 * <p>A reference is decoded only when it names a real character: {@code &#0;}, values past U+10FFFF
 * and lone surrogates stay as they are written, so decoding never makes a string that is not valid
 * UTF-16. A high surrogate immediately followed by a low one ({@code &#xD83D;&#xDE00;}, what some
 * encoders write for an emoji) is decoded as the pair, the character they meant.
 */
public final class HtmlEntities {

    /** The longest name decoded between {@code &} and {@code ;}, e.g. {@code #x10FFFF}. */
    private static final int MAX_NAME = 10;

    private static final Map<String, String> NAMED =
            Map.ofEntries(
                    Map.entry("amp", "&"),
                    Map.entry("lt", "<"),
                    Map.entry("gt", ">"),
                    Map.entry("quot", "\""),
                    Map.entry("apos", "'"),
                    Map.entry("nbsp", "\u00a0"),
                    Map.entry("hellip", "\u2026"),
                    Map.entry("mdash", "\u2014"),
                    Map.entry("ndash", "\u2013"),
                    Map.entry("lsquo", "\u2018"),
                    Map.entry("rsquo", "\u2019"),
                    Map.entry("ldquo", "\u201c"),
                    Map.entry("rdquo", "\u201d"),
                    Map.entry("copy", "\u00a9"),
                    Map.entry("reg", "\u00ae"),
                    Map.entry("trade", "\u2122"),
                    Map.entry("euro", "\u20ac"));

    private HtmlEntities() {}

    /**
     * Decodes the reference starting at {@code at} (an {@code &}) into {@code out}.
     *
     * @param end where the text may be read up to (exclusive)
     * @return the number of characters consumed, or 0 (and nothing appended) when no reference to a
     *     character starts there
     */
    public static int decodeAt(CharSequence text, int at, int end, StringBuilder out) {
        int semi = semicolon(text, at, end);
        if (semi < 0) {
            return 0;
        }
        String name = text.subSequence(at + 1, semi).toString();
        String named = NAMED.get(name);
        if (named != null) {
            out.append(named);
            return semi - at + 1;
        }
        int cp = numeric(name);
        if (cp <= 0 || cp > Character.MAX_CODE_POINT || Character.isLowSurrogate((char) cp)) {
            return 0;
        }
        if (!Character.isHighSurrogate((char) cp) || cp > Character.MAX_VALUE) {
            out.appendCodePoint(cp);
            return semi - at + 1;
        }
        // a high surrogate counts only with its low half right after it
        int next = semi + 1;
        int nextSemi = next < end && text.charAt(next) == '&' ? semicolon(text, next, end) : -1;
        int low = nextSemi < 0 ? -1 : numeric(text.subSequence(next + 1, nextSemi).toString());
        if (low < 0 || low > Character.MAX_VALUE || !Character.isLowSurrogate((char) low)) {
            return 0;
        }
        out.append((char) cp).append((char) low);
        return nextSemi - at + 1;
    }

    /** Decodes every reference in {@code text}; the rest is kept as it is. */
    public static String decode(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int consumed = c == '&' ? decodeAt(text, i, text.length(), out) : 0;
            if (consumed == 0) {
                out.append(c);
                consumed = 1;
            }
            i += consumed;
        }
        return out.toString();
    }

    private static int semicolon(CharSequence text, int at, int end) {
        for (int k = at + 1; k < end && k <= at + MAX_NAME + 1; k++) {
            if (text.charAt(k) == ';') {
                return k;
            }
        }
        return -1;
    }

    /** The code point of {@code #NNN} or {@code #xHHH}, or -1 when it is not one. */
    private static int numeric(String name) {
        if (name.length() < 2 || name.charAt(0) != '#') {
            return -1;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        int radix = hex ? 16 : 10;
        int from = hex ? 2 : 1;
        if (from >= name.length()) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < name.length(); k++) {
            int d = Character.digit(name.charAt(k), radix);
            if (d < 0) {
                return -1;
            }
            value = value * radix + d;
            if (value > Character.MAX_CODE_POINT) {
                return -1;
            }
        }
        return value;
    }
}
