package dev.undertone.app.store;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.time.Instant;
import java.util.List;

/**
 * Fixture posts for store, API and browser tests: a dozen posts over three sources, four languages,
 * two tracks, every sentiment and both unscored reasons, spread over 40 minutes.
 */
public final class StoreFixtures {
    /** The creation time of the oldest fixture post. */
    public static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    /** The model id on every fixture post. */
    public static final String MODEL = "fixture-1.0";

    /** A text that must render as text, never as markup. */
    public static final String XSS_TEXT =
            "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> pwned";

    private StoreFixtures() {}

    /** The fixture posts, in creation order. */
    public static List<StoredPost> posts() {
        return List.of(
                post(
                        0,
                        PostSource.BLUESKY,
                        "en",
                        "Loving the new #Climate policy, great news!",
                        List.of("climate"),
                        positive(0.91),
                        List.of("Climate", "GreenDeal"),
                        List.of("alice.bsky.social")),
                post(
                        1,
                        PostSource.BLUESKY,
                        "en",
                        "The climate summit was a total disaster",
                        List.of("climate"),
                        negative(0.84),
                        List.of("climate"),
                        List.of()),
                post(
                        2,
                        PostSource.X,
                        "en-US",
                        "Climate report published today",
                        List.of("climate"),
                        neutral(0.77),
                        List.of(),
                        List.of()),
                post(
                        5,
                        PostSource.MASTODON,
                        "de",
                        "Das Klima ist wichtig",
                        List.of("climate"),
                        SentimentResult.unscored(SentimentResult.UNSUPPORTED_LANGUAGE),
                        List.of("klima"),
                        List.of()),
                post(
                        7,
                        PostSource.BLUESKY,
                        "en",
                        "Great match tonight, loved every minute",
                        List.of("football"),
                        positive(0.95),
                        List.of("football"),
                        List.of()),
                post(
                        9,
                        PostSource.X,
                        "es",
                        "Partido aburrido pero el gol fue bueno",
                        List.of("football"),
                        mixed(0.55),
                        List.of("Football"),
                        List.of("club")),
                post(
                        12,
                        PostSource.BLUESKY,
                        "en",
                        "Terrible refereeing ruined the match",
                        List.of("football"),
                        negative(0.88),
                        List.of("football", "VAR"),
                        List.of()),
                post(
                        20,
                        PostSource.MASTODON,
                        "en",
                        "",
                        List.of("football"),
                        SentimentResult.unscored(SentimentResult.EMPTY_TEXT),
                        List.of(),
                        List.of()),
                post(
                        25,
                        PostSource.FILE,
                        "fr",
                        "Le climat change vite",
                        List.of("climate"),
                        SentimentResult.unscored(SentimentResult.UNSUPPORTED_LANGUAGE),
                        List.of(),
                        List.of()),
                post(
                        31,
                        PostSource.BLUESKY,
                        "en",
                        XSS_TEXT,
                        List.of("climate"),
                        neutral(0.6),
                        List.of("xss"),
                        List.of()),
                post(
                        38,
                        PostSource.X,
                        "en",
                        "Climate action now: great momentum, great people",
                        List.of("climate", "football"),
                        positive(0.81),
                        List.of("climate"),
                        List.of()),
                post(
                        40,
                        PostSource.BLUESKY,
                        "en",
                        "Not sure how I feel about the climate deal",
                        List.of("climate"),
                        mixed(0.5),
                        List.of(),
                        List.of()));
    }

    /** A scored post created {@code minute} minutes after {@link #T0}. */
    public static StoredPost post(
            int minute,
            PostSource source,
            String lang,
            String text,
            List<String> tracks,
            SentimentResult sentiment,
            List<String> hashtags,
            List<String> mentions) {
        Instant created = T0.plusSeconds(60L * minute);
        String id = "p" + minute;
        Post p =
                TestPosts.post(source, id, created, text)
                        .author("author" + minute + ".example", "did:example:" + minute)
                        .langs(List.of(lang))
                        .url("https://example.social/" + source.id() + "/" + id)
                        .hashtags(hashtags)
                        .mentions(mentions)
                        .tracks(tracks)
                        .reply(minute % 3 == 0)
                        .quote(minute % 5 == 0)
                        .build();
        return new StoredPost(
                new ScoredPost(p, sentiment, MODEL, created.plusMillis(5)), created.plusSeconds(1));
    }

    /** A POSITIVE result with the given confidence. */
    public static SentimentResult positive(double p) {
        double rest = (1 - p) / 3;
        return SentimentResult.scored(Sentiment.POSITIVE, new SentimentScores(p, rest, rest, rest));
    }

    /** A NEGATIVE result with the given confidence. */
    public static SentimentResult negative(double p) {
        double rest = (1 - p) / 3;
        return SentimentResult.scored(Sentiment.NEGATIVE, new SentimentScores(rest, p, rest, rest));
    }

    /** A NEUTRAL result with the given confidence. */
    public static SentimentResult neutral(double p) {
        double rest = (1 - p) / 3;
        return SentimentResult.scored(Sentiment.NEUTRAL, new SentimentScores(rest, rest, p, rest));
    }

    /** A MIXED result with the given confidence. */
    public static SentimentResult mixed(double p) {
        double rest = (1 - p) / 3;
        return SentimentResult.scored(Sentiment.MIXED, new SentimentScores(rest, rest, rest, p));
    }
}
