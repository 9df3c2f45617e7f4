package dev.undertone.core.track;

import dev.undertone.core.post.Post;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --track} rules: comma-separated phrases, any of which may match (OR); the
 * space-separated words of a phrase must all occur (AND), in any order, case-insensitively and on
 * word boundaries; a word also matches the same word as a hashtag ({@code stimulus} matches {@code
 * #Stimulus} and a hashtag facet); a part in double quotes must occur as written (its words
 * consecutive). A word written {@code #tag} matches only the hashtag. Words in scripts written
 * without spaces (Chinese, Japanese, Thai, ...) and words with no letters or digits (emoji) match
 * as substrings. No phrase at all keeps every post.
 *
 * <p>Immutable and thread-safe. Matching is precomputed: one hash lookup per word of the post.
 */
public final class TrackRules {
    private static final TrackRules NONE = new TrackRules(new Term[0], new Phrase[0], Map.of());

    /**
     * The most phrases {@link #parseStrict} accepts: every phrase is monitored on its own (counts,
     * alerts, the tracks view), and matching stays one hash lookup per word at any number.
     */
    public static final int MAX_PHRASES = 1000;

    private static final ThreadLocal<WordTokens> TOKENS = ThreadLocal.withInitial(WordTokens::new);

    private final Term[] terms;
    private final Phrase[] phrases;
    private final Map<String, int[]> termsByFirstWord;
    private final boolean hasWordTerms;

    private TrackRules(Term[] terms, Phrase[] phrases, Map<String, int[]> termsByFirstWord) {
        this.terms = terms;
        this.phrases = phrases;
        this.termsByFirstWord = termsByFirstWord;
        boolean words = false;
        for (Term t : terms) {
            words |= t.substring == null;
        }
        this.hasWordTerms = words;
    }

    /** One thing that must occur: consecutive words, or a substring of the lower-cased text. */
    private record Term(String[] words, boolean hashtagOnly, String substring) {
        String signature() {
            return (hashtagOnly ? "#" : "")
                    + (substring != null ? "~" + substring : String.join(" ", words));
        }
    }

    /** A phrase as the user wrote it and the terms that must all occur. */
    private record Phrase(String written, int[] termIds) {}

    /**
     * Parses the {@code --track} value.
     *
     * @param spec comma-separated phrases; null or blank means no rules (keep everything)
     * @throws IllegalArgumentException naming the problem, for an unclosed double quote
     */
    public static TrackRules parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        List<Term> terms = new ArrayList<>();
        Map<String, Integer> termIds = new HashMap<>();
        Map<String, Phrase> phrases = new LinkedHashMap<>();
        for (String written : splitPhrases(spec)) {
            List<Term> phraseTerms = PhraseParser.terms(written);
            if (phraseTerms.isEmpty() || phrases.containsKey(written.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int[] ids = new int[phraseTerms.size()];
            for (int i = 0; i < ids.length; i++) {
                Term t = phraseTerms.get(i);
                ids[i] =
                        termIds.computeIfAbsent(
                                t.signature(),
                                k -> {
                                    terms.add(t);
                                    return terms.size() - 1;
                                });
            }
            phrases.put(written.toLowerCase(Locale.ROOT), new Phrase(written, ids));
        }
        if (phrases.isEmpty()) {
            return NONE;
        }
        Map<String, int[]> byFirst = new HashMap<>();
        for (int id = 0; id < terms.size(); id++) {
            Term t = terms.get(id);
            if (t.substring == null) {
                byFirst.merge(t.words[0], new int[] {id}, TrackRules::concat);
            }
        }
        return new TrackRules(
                terms.toArray(new Term[0]), phrases.values().toArray(new Phrase[0]), byFirst);
    }

    /**
     * Parses the {@code --track} value as a user typed it, refusing what {@link #parse} would
     * silently skip: an empty phrase ({@code a,,b} or a trailing comma), a phrase given twice (in
     * any letter case), and more than {@value #MAX_PHRASES} phrases.
     *
     * @throws IllegalArgumentException naming the offending phrase
     */
    public static TrackRules parseStrict(String spec) {
        if (spec == null) {
            return NONE;
        }
        if (spec.isBlank()) {
            throw new IllegalArgumentException("is empty; leave it out to keep every post");
        }
        List<String> written = splitPhrases(spec);
        if (written.size() > MAX_PHRASES) {
            throw new IllegalArgumentException(
                    written.size() + " phrases; at most " + MAX_PHRASES + " are supported");
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            String w = written.get(i);
            if (PhraseParser.terms(w).isEmpty()) {
                throw new IllegalArgumentException(
                        "phrase "
                                + (i + 1)
                                + " of "
                                + written.size()
                                + " is empty (two commas in a row, or one at an end?)");
            }
            String earlier = seen.putIfAbsent(w.toLowerCase(Locale.ROOT), w);
            if (earlier != null) {
                throw new IllegalArgumentException(
                        "'"
                                + w
                                + "' is given twice"
                                + (earlier.equals(w) ? "" : " (as '" + earlier + "')")
                                + "; phrases match case-insensitively");
            }
        }
        return parse(spec);
    }

    /** Whether there are no rules, so every post is kept. */
    public boolean isEmpty() {
        return phrases.length == 0;
    }

    /** The phrases, as written, in order. */
    public List<String> phrases() {
        List<String> out = new ArrayList<>(phrases.length);
        for (Phrase p : phrases) {
            out.add(p.written);
        }
        return out;
    }

    /** Whether the post is kept: no rules at all, or at least one phrase matches. */
    public boolean keeps(Post post) {
        return isEmpty() || !matches(post).isEmpty();
    }

    /**
     * The phrases the post matches, as the user wrote them, in rule order; empty when none match
     * (and always empty when there are no rules).
     */
    public List<String> matches(Post post) {
        if (phrases.length == 0) {
            return List.of();
        }
        String lower = post.text().toLowerCase(Locale.ROOT);
        boolean[] found = new boolean[terms.length];
        if (hasWordTerms) {
            WordTokens tokens = TOKENS.get();
            scan(tokens.split(lower), false, found);
            for (String tag : post.hashtags()) {
                scan(tokens.split(tag.toLowerCase(Locale.ROOT)), true, found);
            }
        }
        for (int id = 0; id < terms.length; id++) {
            String s = terms[id].substring;
            if (s != null && !found[id]) {
                found[id] = lower.contains(s) || inHashtags(post, s);
            }
        }
        List<String> matched = null;
        for (Phrase p : phrases) {
            if (allFound(p.termIds, found)) {
                if (matched == null) {
                    matched = new ArrayList<>(2);
                }
                matched.add(p.written);
            }
        }
        return matched == null ? List.of() : matched;
    }

    private void scan(WordTokens tokens, boolean allHashtags, boolean[] found) {
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            int[] candidates = termsByFirstWord.get(tokens.word(i));
            if (candidates == null) {
                continue;
            }
            for (int id : candidates) {
                if (!found[id] && occursAt(terms[id], tokens, i, allHashtags)) {
                    found[id] = true;
                }
            }
        }
    }

    private static boolean occursAt(Term t, WordTokens tokens, int at, boolean allHashtags) {
        if (t.hashtagOnly && !(allHashtags || tokens.isHashtag(at))) {
            return false;
        }
        String[] words = t.words;
        if (at + words.length > tokens.size()) {
            return false;
        }
        for (int k = 1; k < words.length; k++) {
            if (!words[k].equals(tokens.word(at + k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean inHashtags(Post post, String s) {
        for (String tag : post.hashtags()) {
            if (tag.toLowerCase(Locale.ROOT).contains(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allFound(int[] ids, boolean[] found) {
        for (int id : ids) {
            if (!found[id]) {
                return false;
            }
        }
        return true;
    }

    /** Splits at commas outside double quotes; each phrase trimmed. */
    private static List<String> splitPhrases(String spec) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(spec.substring(start, i).strip());
                start = i + 1;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(
                    "track rules have an unclosed double quote: " + spec);
        }
        out.add(spec.substring(start).strip());
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public String toString() {
        return String.join(",", phrases());
    }

    /** Turns one written phrase into its terms. */
    private static final class PhraseParser {
        private PhraseParser() {}

        static List<Term> terms(String phrase) {
            List<Term> out = new ArrayList<>();
            int i = 0;
            int n = phrase.length();
            while (i < n) {
                char c = phrase.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"') {
                    int end = phrase.indexOf('"', i + 1);
                    addTerm(out, phrase.substring(i + 1, end), false);
                    i = end + 1;
                } else {
                    int end = i;
                    while (end < n
                            && !Character.isWhitespace(phrase.charAt(end))
                            && phrase.charAt(end) != '"') {
                        end++;
                    }
                    String word = phrase.substring(i, end);
                    boolean hashtag = word.length() > 1 && WordTokens.isHash(word.charAt(0));
                    addTerm(out, hashtag ? word.substring(1) : word, hashtag);
                    i = end;
                }
            }
            return out;
        }

        private static void addTerm(List<Term> out, String text, boolean hashtag) {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                return;
            }
            if (lower.codePoints().anyMatch(WordTokens::isUnspacedScript)) {
                out.add(new Term(null, hashtag, lower));
                return;
            }
            WordTokens tokens = new WordTokens().split(lower);
            if (tokens.size() == 0) {
                out.add(new Term(null, false, lower));
                return;
            }
            String[] words = new String[tokens.size()];
            for (int k = 0; k < words.length; k++) {
                words[k] = tokens.word(k);
            }
            out.add(new Term(words, hashtag && words.length == 1, null));
        }
    }
}
