package dev.undertone.core.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The distinct content words of a post's text, as indexed in {@code words} for the top-terms view:
 * lower-cased words of 3 to 40 letters, without links, hashtags, mentions, numbers and common
 * English stop words. Every store indexes the same words so their term counts agree: the Lucene
 * store, and the OpenSearch documents the Flink job writes (which is why this lives in core).
 */
public final class ContentWords {
    /** The most words kept from one post. */
    public static final int MAX_WORDS_PER_POST = 64;

    private static final int MIN_CHARS = 3;
    private static final int MAX_CHARS = 40;
    private static final Set<String> STOP =
            Set.of(
                    ("the and for are but not you your yours all any can had has have her hers him "
                                    + "his how its let may our ours out she that than their them then there these they "
                                    + "this those was were what when where which who whom why will with would could "
                                    + "should about after again also been before being both did does doing down each "
                                    + "few from further here into just more most now off once only other over own same "
                                    + "some such too under until very while yet one get got i'm it's don't can't i've "
                                    + "that's you're via amp http https www com like because through during above "
                                    + "below between against myself yourself himself herself itself ourselves "
                                    + "themselves much many really even still going gonna want know")
                            .split(" "));

    private ContentWords() {}

    /**
     * The distinct content words of a text, in order of first occurrence. A single pass over the
     * characters (no regular expressions): this runs for every indexed post.
     */
    public static List<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        int n = text.length();
        while (i < n && out.size() < MAX_WORDS_PER_POST) {
            if (startsSkipped(text, i)) {
                i = endOfToken(text, i);
                continue;
            }
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i += Character.charCount(cp);
            while (i < n && !startsSkipped(text, i)) {
                int c = text.codePointAt(i);
                if (!(Character.isLetter(c) || isMark(c) || c == '\'' || c == '\u2019')) {
                    break;
                }
                i += Character.charCount(c);
            }
            String w = normalise(text.substring(start, i));
            int len = w.codePointCount(0, w.length());
            if (len >= MIN_CHARS && len <= MAX_CHARS && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    /** Links, hashtags, mentions and cashtags are not content words: skip the whole token. */
    private static boolean startsSkipped(String s, int i) {
        char c = s.charAt(i);
        return c == '#'
                || c == '@'
                || c == '$'
                || ((c == 'h' || c == 'H')
                        && (s.regionMatches(true, i, "http://", 0, 7)
                                || s.regionMatches(true, i, "https://", 0, 8)))
                || ((c == 'w' || c == 'W') && s.regionMatches(true, i, "www.", 0, 4));
    }

    private static int endOfToken(String s, int i) {
        int j = i;
        while (j < s.length() && !isSpace(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** What {@code \\s} matches in Java regular expressions. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK
                || t == Character.ENCLOSING_MARK
                || t == Character.COMBINING_SPACING_MARK;
    }

    private static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        while (w.endsWith("'")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("'s")) {
            w = w.substring(0, w.length() - 2);
        }
        return w;
    }
}
