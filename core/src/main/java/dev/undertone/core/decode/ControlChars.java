package dev.undertone.core.decode;

/** Removes the control characters a post's text may carry, keeping tabs and line breaks. */
final class ControlChars {
    private static final char DEL = 0x7f;
    private static final char LAST_C1 = 0x9f;

    private ControlChars() {}

    /** The text without C0 and C1 control characters other than tab, line feed and return. */
    static String strip(String text) {
        int first = firstControl(text, 0);
        if (first < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        sb.append(text, 0, first);
        for (int i = first + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isDropped(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int firstControl(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isDropped(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDropped(char c) {
        if (c < ' ') {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return c >= DEL && c <= LAST_C1;
    }
}
