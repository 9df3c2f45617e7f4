package dev.undertone.core.text;

/**
 * Decodes the HTML character references found in tweets and decoded posts: the few named ones that
 * occur ({@code &amp; &lt; &gt; &quot; &apos; &nbsp;}) and every numeric one.
 */
final class HtmlEntities {

    /** The longest reference decoded, {@code &#x10FFFF;}. */
    private static final int MAX_LENGTH = 10;

    private HtmlEntities() {}

    /**
     * Decodes the reference starting at {@code at} (an {@code &}) into {@code out}.
     *
     * @return the number of characters consumed, or 0 when no known reference starts there
     */
    static int decodeAt(CharSequence text, int at, int end, StringBuilder out) {
        int semi = -1;
        for (int k = at + 1; k < end && k <= at + MAX_LENGTH; k++) {
            if (text.charAt(k) == ';') {
                semi = k;
                break;
            }
        }
        if (semi < 0) {
            return 0;
        }
        String name = text.subSequence(at + 1, semi).toString();
        int cp = codePointOf(name);
        if (cp < 0) {
            return 0;
        }
        out.appendCodePoint(cp);
        return semi - at + 1;
    }

    private static int codePointOf(String name) {
        switch (name) {
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            case "nbsp":
                return ' ';
            default:
                return numeric(name);
        }
    }

    private static int numeric(String name) {
        if (name.length() < 2 || name.charAt(0) != '#') {
            return -1;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty()) {
            return -1;
        }
        int value = 0;
        for (int k = 0; k < digits.length(); k++) {
            int d = Character.digit(digits.charAt(k), hex ? 16 : 10);
            if (d < 0) {
                return -1;
            }
            value = value * (hex ? 16 : 10) + d;
            if (value > Character.MAX_CODE_POINT) {
                return -1;
            }
        }
        return value == 0 ? -1 : value;
    }
}
