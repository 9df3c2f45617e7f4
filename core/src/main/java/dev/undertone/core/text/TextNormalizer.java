package dev.undertone.core.text;

/**
 * Makes a live post's text look like the tweets the built-in models were trained on (TweetEval):
 * user handles become {@code @user}, links are removed, escapes and entities are decoded, and
 * typographic punctuation and common emoji are folded to the ASCII forms that training text uses.
 *
 * <p>The same function is applied to training text, so both sides meet in one canonical form: the
 * literal {@code \u2019} escapes and {@code &amp;} entities of old training tweets become the
 * characters they stand for. It never throws: lone surrogates, control and bidi characters are
 * dropped, every run of whitespace becomes one space, and only the first {@link #MAX_CHARS}
 * characters of a text are kept (a social post is far shorter). The result may be empty.
 */
public final class TextNormalizer {

    /** Longest input prefix that is normalised; the rest is ignored, as Comprehend does. */
    public static final int MAX_CHARS = 5_000;

    /** What every user handle becomes, as in the training data. */
    public static final String USER = "@user";

    private TextNormalizer() {}

    /**
     * Normalises one text.
     *
     * @param text any string, or null (treated as empty)
     * @return the canonical text, trimmed, possibly empty; never null
     */
    public static String normalize(CharSequence text) {
        if (text == null || text.length() == 0) {
            return "";
        }
        String decoded = CharFolding.decode(text, MAX_CHARS);
        return TokenRewriter.rewrite(decoded);
    }
}
