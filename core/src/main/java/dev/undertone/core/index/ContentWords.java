package dev.undertone.core.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern SKIP = Pattern.compile("(?:https?://|www\\.)\\S+|[#@$]\\S+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{M}'’]*");
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

    /** The distinct content words of a text, in order of first occurrence. */
    public static List<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String cleaned = SKIP.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(cleaned);
        while (m.find() && out.size() < MAX_WORDS_PER_POST) {
            String w = m.group().replace('’', '\'');
            while (w.endsWith("'")) {
                w = w.substring(0, w.length() - 1);
            }
            if (w.endsWith("'s")) {
                w = w.substring(0, w.length() - 2);
            }
            int n = w.codePointCount(0, w.length());
            if (n >= MIN_CHARS && n <= MAX_CHARS && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }
}
