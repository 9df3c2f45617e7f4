package dev.undertone.app.store;

import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.sentiment.Sentiment;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which stored posts a query covers. Every part is optional (empty set or null = no restriction);
 * the parts combine with AND, the values of one part with OR.
 *
 * <p>Values are normalised when built: tracks and languages lower-cased, sentiment values
 * upper-cased. A bad value throws {@link InvalidQueryException} naming the parameter as the API and
 * CLI spell it ({@code track}, {@code sentiment}, {@code lang}, {@code source}, {@code q}, {@code
 * from}, {@code to}).
 *
 * @param tracks track phrases the post matched (any of them)
 * @param sentiments {@code POSITIVE|NEGATIVE|NEUTRAL|MIXED|UNSCORED} (any of them)
 * @param langs language tags; {@code en} also matches {@code en-US}
 * @param sources source ids ({@code bluesky}, {@code x}, {@code mastodon}, {@code file})
 * @param q a full-text query over the post text (simple query syntax: words must all occur, {@code
 *     "a phrase"}, {@code -word}, {@code a | b}, {@code pre*}), or null
 * @param from the earliest creation time (inclusive), or null
 * @param to the latest creation time (exclusive), or null
 */
public record PostFilter(
        Set<String> tracks,
        Set<String> sentiments,
        Set<String> langs,
        Set<String> sources,
        String q,
        Instant from,
        Instant to) {

    /** The values of the sentiment field: the four labels, then {@link IndexFields#UNSCORED}. */
    public static final List<String> SENTIMENT_VALUES =
            List.of(
                    Sentiment.POSITIVE.name(),
                    Sentiment.NEGATIVE.name(),
                    Sentiment.NEUTRAL.name(),
                    Sentiment.MIXED.name(),
                    IndexFields.UNSCORED);

    /** A filter that keeps every post. */
    public static final PostFilter ALL = new PostFilter(null, null, null, null, null, null, null);

    /** The earliest {@code from}/{@code to} accepted: older than any social post. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /** The latest {@code from}/{@code to} accepted. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** The most values one filter part takes (as many as a request may name). */
    public static final int MAX_VALUES = 50;

    static final int MAX_VALUE_CHARS = 200;
    static final int MAX_QUERY_CHARS = 500;

    private static final Pattern LANG_TAG = Pattern.compile("[a-z]{2,8}(-[a-z0-9]{1,8}){0,4}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    public PostFilter {
        tracks = values("track", tracks, v -> v.toLowerCase(Locale.ROOT));
        sentiments = values("sentiment", sentiments, PostFilter::sentimentValue);
        langs = values("lang", langs, PostFilter::langValue);
        sources = values("source", sources, PostFilter::sourceValue);
        q = q == null || q.isBlank() ? null : q.strip();
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw new InvalidQueryException("q", "longer than " + MAX_QUERY_CHARS + " characters");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("from", "must be before to");
        }
    }

    /**
     * Builds a filter from raw parameter values (an HTTP query or CLI options). Multi-valued
     * parameters are comma-separated.
     *
     * @param param the raw value of a parameter by name, or null when absent
     * @throws InvalidQueryException naming the first bad parameter
     */
    public static PostFilter parse(Function<String, String> param) {
        return new PostFilter(
                split(param.apply("track")),
                split(param.apply("sentiment")),
                split(param.apply("lang")),
                split(param.apply("source")),
                param.apply("q"),
                instant("from", param.apply("from")),
                instant("to", param.apply("to")));
    }

    /**
     * Parses an ISO-8601 instant ({@code 2025-01-31T12:00:00Z}, or with an offset).
     *
     * @param name the parameter name for the error message
     * @return the instant, or null for a null or blank value
     * @throws InvalidQueryException naming the parameter when the value is not an instant
     */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Instant t;
        try {
            t = Instant.parse(v);
        } catch (DateTimeParseException notInstant) {
            try {
                t = OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidQueryException(
                        name, "expected an ISO-8601 instant such as 2025-01-31T12:00:00Z");
            }
        }
        if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
            throw new InvalidQueryException(name, "must be between " + EARLIEST + " and " + LATEST);
        }
        return t;
    }

    /** A copy restricted to posts created in {@code [newFrom, newTo)} (null = unchanged). */
    public PostFilter withRange(Instant newFrom, Instant newTo) {
        return new PostFilter(
                tracks,
                sentiments,
                langs,
                sources,
                q,
                newFrom == null ? from : newFrom,
                newTo == null ? to : newTo);
    }

    /** A copy keeping the posts that matched any of the given tracks (null or empty = any). */
    public PostFilter withTracks(Set<String> values) {
        return new PostFilter(values, sentiments, langs, sources, q, from, to);
    }

    /** A copy restricted to the given sentiment values (null or empty = any). */
    public PostFilter withSentiments(Set<String> values) {
        return new PostFilter(tracks, values, langs, sources, q, from, to);
    }

    /** Whether this filter keeps every post. */
    public boolean isAll() {
        return tracks.isEmpty()
                && sentiments.isEmpty()
                && langs.isEmpty()
                && sources.isEmpty()
                && q == null
                && from == null
                && to == null;
    }

    /**
     * Whether a post passes this filter, for filtering the live feed in memory. Exact for every
     * part except {@code q}, which is approximated: every word of the query must occur as a word of
     * the text (operators are ignored).
     */
    public boolean matches(ScoredPost scored) {
        Post p = scored.post();
        if (!tracks.isEmpty()
                && p.tracks().stream()
                        .noneMatch(t -> tracks.contains(t.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (!sentiments.isEmpty() && !sentiments.contains(sentimentOf(scored))) {
            return false;
        }
        if (!langs.isEmpty()
                && p.langs().stream()
                        .noneMatch(l -> langKeys(l).stream().anyMatch(langs::contains))) {
            return false;
        }
        if (!sources.isEmpty() && !sources.contains(p.source().id())) {
            return false;
        }
        if (from != null && p.createdAt().isBefore(from)) {
            return false;
        }
        if (to != null && !p.createdAt().isBefore(to)) {
            return false;
        }
        return q == null || containsAllWords(p.text(), q);
    }

    /** The value of the sentiment field of a post: its label, or {@code UNSCORED}. */
    public static String sentimentOf(ScoredPost p) {
        return p.sentiment().isScored() ? p.sentiment().sentiment().name() : IndexFields.UNSCORED;
    }

    /**
     * The values a language tag is indexed under: the lower-cased tag and, for a tag with a region
     * or script, its primary language ({@code en-US} gives {@code en-us} and {@code en}).
     */
    public static List<String> langKeys(String tag) {
        String lower = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int dash = lower.indexOf('-');
        return dash > 0 ? List.of(lower, lower.substring(0, dash)) : List.of(lower);
    }

    private static boolean containsAllWords(String text, String query) {
        Set<String> words = new LinkedHashSet<>();
        WORD.matcher(text.toLowerCase(Locale.ROOT)).results().forEach(r -> words.add(r.group()));
        return WORD.matcher(query.toLowerCase(Locale.ROOT))
                .results()
                .allMatch(r -> words.contains(r.group()));
    }

    private static Set<String> values(
            String name, Set<String> raw, Function<String, String> normalise) {
        if (raw == null || raw.isEmpty()) {
            return Set.of();
        }
        if (raw.size() > MAX_VALUES) {
            throw new InvalidQueryException(name, "more than " + MAX_VALUES + " values");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : raw) {
            if (v == null || v.isBlank()) {
                continue;
            }
            String s = v.strip();
            if (s.length() > MAX_VALUE_CHARS) {
                throw new InvalidQueryException(
                        name, "a value is longer than " + MAX_VALUE_CHARS + " characters");
            }
            try {
                out.add(normalise.apply(s));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException(name, e.getMessage());
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> split(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return new LinkedHashSet<>(Arrays.asList(raw.split(",", -1)));
    }

    private static String sentimentValue(String v) {
        String upper = v.toUpperCase(Locale.ROOT);
        if (!SENTIMENT_VALUES.contains(upper)) {
            throw new IllegalArgumentException(
                    "'" + v + "' is not one of positive, negative, neutral, mixed, unscored");
        }
        return upper;
    }

    private static String langValue(String v) {
        String lower = v.toLowerCase(Locale.ROOT).replace('_', '-');
        if (!LANG_TAG.matcher(lower).matches()) {
            throw new IllegalArgumentException(
                    "'" + v + "' is not a language tag such as en or pt-BR");
        }
        return lower;
    }

    private static String sourceValue(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        try {
            return PostSource.fromId(lower).id();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + v + "' is not one of bluesky, x, mastodon, file");
        }
    }
}
