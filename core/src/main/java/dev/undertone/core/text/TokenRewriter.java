package dev.undertone.core.text;

/**
 * The token-level half of {@link TextNormalizer}, with TweetEval's rule: a space-separated token
 * that starts with {@code @} (or {@code "@}) becomes {@code @user}, a token that starts with {@code
 * http} is dropped. Links written without a scheme ({@code www.x.org}, {@code example.com/path},
 * the shortened link text Bluesky shows) are dropped too, and so is a URL glued to a word ({@code
 * see:http://t.co/x} keeps {@code see:}).
 */
final class TokenRewriter {

    private TokenRewriter() {}

    /** Rewrites the tokens of a text whose whitespace is already single spaces. */
    static String rewrite(String text) {
        if (!needsRewrite(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf(' ', start);
            if (end < 0) {
                end = n;
            }
            if (end > start) {
                append(sb, text, start, end);
            }
            start = end + 1;
        }
        return sb.toString();
    }

    /** Whether any token could be a handle or a link: most texts need no second copy. */
    private static boolean needsRewrite(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '/' || c == ':') {
                return true;
            }
            boolean linkStart = (c == 'h' || c == 'w') && (i == 0 || text.charAt(i - 1) == ' ');
            if (linkStart && (text.startsWith("http", i) || text.startsWith("www.", i))) {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder sb, String text, int start, int end) {
        if (isHandle(text, start, end)) {
            separate(sb).append(TextNormalizer.USER);
            return;
        }
        if (text.startsWith("http", start) || isSchemelessLink(text, start, end)) {
            return;
        }
        int url = indexOf(text, ':', start, end);
        while (url >= 0 && !text.startsWith("://", url)) {
            url = indexOf(text, ':', url + 1, end);
        }
        if (url >= 0) {
            int scheme = url;
            while (scheme > start && Character.isLetter(text.charAt(scheme - 1))) {
                scheme--;
            }
            end = scheme;
            if (end == start) {
                return;
            }
        }
        separate(sb).append(text, start, end);
    }

    private static int indexOf(String text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static StringBuilder separate(StringBuilder sb) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        return sb;
    }

    private static boolean isHandle(String text, int start, int end) {
        int at = text.charAt(start) == '"' ? start + 1 : start;
        return at + 1 < end && text.charAt(at) == '@' && isHandleChar(text.charAt(at + 1));
    }

    private static boolean isHandleChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** {@code www.host...} or {@code host.tld/...}: a dotted host name with a letter TLD. */
    private static boolean isSchemelessLink(String text, int start, int end) {
        if (text.startsWith("www.", start) && end - start > 4) {
            return true;
        }
        int slash = indexOf(text, '/', start, end);
        if (slash < 0) {
            return false;
        }
        int lastDot = -1;
        for (int k = start; k < slash; k++) {
            char c = text.charAt(k);
            if (c == '.') {
                if (k == start || text.charAt(k - 1) == '.') {
                    return false;
                }
                lastDot = k;
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                return false;
            }
        }
        int tld = slash - lastDot - 1;
        if (lastDot < 0 || tld < 2) {
            return false;
        }
        for (int k = lastDot + 1; k < slash; k++) {
            if (!Character.isLetter(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
