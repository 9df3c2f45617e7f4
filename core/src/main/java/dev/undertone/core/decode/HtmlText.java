package dev.undertone.core.decode;

import dev.undertone.core.text.HtmlEntities;
import java.util.Locale;

/**
 * Turns the sanitised HTML of a Mastodon status into plain text: paragraphs and line breaks become
 * newlines, entities are decoded, every tag is dropped (with the content of script and style).
 */
public final class HtmlText {
    private HtmlText() {}

    /** The plain text of an HTML fragment; never null (empty for null input). */
    public static String toText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        int n = html.length();
        String skipUntil = null;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i + 1);
                if (end < 0) {
                    // A stray '<' with no tag after it is text.
                    if (skipUntil == null) {
                        out.append(c);
                    }
                    i++;
                    continue;
                }
                String tag = tagName(html, i + 1, end);
                boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
                if (skipUntil != null) {
                    if (closing && tag.equals(skipUntil)) {
                        skipUntil = null;
                    }
                } else if (!closing && (tag.equals("script") || tag.equals("style"))) {
                    skipUntil = tag;
                } else {
                    breakFor(tag, closing, out);
                }
                i = end + 1;
            } else if (skipUntil != null) {
                i++;
            } else if (c == '&') {
                i = entity(html, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return trimNewlines(out);
    }

    private static void breakFor(String tag, boolean closing, StringBuilder out) {
        switch (tag) {
            case "br" -> out.append('\n');
            case "p" -> {
                if (closing) {
                    out.append("\n\n");
                }
            }
            case "div",
                    "li",
                    "blockquote",
                    "pre",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol" -> {
                if (closing || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n')) {
                    out.append('\n');
                }
            }
            default -> {
                // Inline tags (a, span, em, strong, ...) leave only their text.
            }
        }
    }

    private static String tagName(String html, int from, int end) {
        int i = from;
        if (i < end && html.charAt(i) == '/') {
            i++;
        }
        int start = i;
        while (i < end && Character.isLetterOrDigit(html.charAt(i))) {
            i++;
        }
        return html.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /** Decodes the entity at i (an '&') into out; returns the index after it. */
    private static int entity(String html, int i, StringBuilder out) {
        int consumed = HtmlEntities.decodeAt(html, i, html.length(), out);
        if (consumed == 0) {
            out.append('&');
            return i + 1;
        }
        return i + consumed;
    }

    private static String trimNewlines(StringBuilder out) {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        while (start < end && Character.isWhitespace(out.charAt(start))) {
            start++;
        }
        return out.substring(start, end);
    }
}
