package dev.undertone.core.sentiment.fast;

/**
 * Words that open a negation scope: {@code not}, {@code never}, {@code no}, the apostrophe-less
 * contractions tweets use ({@code dont}, {@code cant}) and any word ending in {@code n't}.
 */
final class Negators {

    private static final String[] WORDS = {
        "not",
        "no",
        "never",
        "cannot",
        "nothing",
        "nobody",
        "none",
        "nowhere",
        "neither",
        "nor",
        "without",
        "dont",
        "cant",
        "wont",
        "isnt",
        "arent",
        "wasnt",
        "werent",
        "doesnt",
        "didnt",
        "couldnt",
        "shouldnt",
        "wouldnt",
        "aint",
        "havent",
        "hasnt",
        "hadnt",
        "mustnt",
        "neednt",
        "nope",
        "nah",
        "hardly",
        "barely",
        "neva"
    };

    private final long[] hashes = new long[WORDS.length];

    Negators() {
        for (int i = 0; i < WORDS.length; i++) {
            hashes[i] = Tokenizer.canonicalHash(WORDS[i]);
        }
    }

    /** Whether token {@code i} of {@code t} (a word) opens a negation scope. */
    boolean isNegator(Tokens t, int i) {
        int end = t.end[i];
        int len = end - t.start[i];
        if (len >= 3
                && t.lower[end - 1] == 't'
                && t.lower[end - 2] == '\''
                && t.lower[end - 3] == 'n') {
            return true;
        }
        long h = t.hash[i];
        for (long w : hashes) {
            if (w == h) {
                return true;
            }
        }
        return false;
    }
}
