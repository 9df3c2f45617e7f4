package dev.undertone.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RisingTermsAndExamplesTest {
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void wordsThatRoseAreNamedStrongestFirstAndTheTracksOwnAreNot() {
        Map<String, Long> window = Map.of("outage", 40L, "down", 30L, "acme", 100L, "today", 10L);
        Map<String, Long> baseline = Map.of("acme", 1000L, "today", 100L, "down", 5L);

        List<String> terms = RisingTerms.of(window, 100, baseline, 1000, Set.of("acme"));

        // today: 10% in both, no rise; acme excluded.
        assertThat(terms).containsExactly("outage", "down");
    }

    @Test
    void aTermInTwoPostsIsNotNamed() {
        assertThat(RisingTerms.of(Map.of("rare", 2L), 10, Map.of(), 1000, Set.of())).isEmpty();
    }

    private static ScoredPost post(String id, String author, Sentiment s, double confidence) {
        Post p =
                TestPosts.post(PostSource.BLUESKY, id, T, "text " + id)
                        .author(author, author == null ? null : "did:" + author)
                        .langs(List.of("en"))
                        .tracks(List.of("acme"))
                        .build();
        double rest = (1 - confidence) / 3;
        SentimentScores scores =
                switch (s) {
                    case NEGATIVE -> new SentimentScores(rest, confidence, rest, rest);
                    case POSITIVE -> new SentimentScores(confidence, rest, rest, rest);
                    default -> new SentimentScores(rest, rest, confidence, rest);
                };
        return new ScoredPost(p, SentimentResult.scored(s, scores), "m", T);
    }

    @Test
    void examplesAreTheMostConfidentOnePerAuthor() {
        List<ScoredPost> posts =
                List.of(
                        post("a1", "ann", Sentiment.NEGATIVE, 0.99),
                        post("a2", "ann", Sentiment.NEGATIVE, 0.98),
                        post("b1", "bob", Sentiment.NEGATIVE, 0.7),
                        post("c1", "cy", Sentiment.POSITIVE, 0.95),
                        post("d1", "dee", Sentiment.NEGATIVE, 0.9),
                        post("e1", "eve", Sentiment.NEGATIVE, 0.8),
                        post("f1", "fay", Sentiment.NEGATIVE, 0.6),
                        post("g1", "gus", Sentiment.NEGATIVE, 0.5));

        List<AlertExample> negative = ExamplePicker.pick(AlertKind.NEGATIVE_SHARE, posts);
        List<AlertExample> volume = ExamplePicker.pick(AlertKind.VOLUME, posts);

        assertThat(negative)
                .extracting(AlertExample::id)
                .containsExactly("a1", "d1", "e1", "b1", "f1");
        assertThat(volume)
                .extracting(AlertExample::id)
                .containsExactly("a1", "c1", "d1", "e1", "b1");
    }

    @Test
    void anAlertReadsBackAsWrittenAndSaysWhatHappened() {
        Alert a =
                new Alert(
                        "Acme",
                        AlertKind.NEGATIVE_SHARE,
                        T,
                        T.plusSeconds(600),
                        35,
                        10,
                        7.5,
                        0.7,
                        0.2,
                        50,
                        144,
                        List.of("outage", "down"),
                        List.of(AlertExample.of(post("x1", "ann", Sentiment.NEGATIVE, 0.97))),
                        T.plusSeconds(601));

        Alert back = AlertJson.read(AlertJson.write(a));

        assertThat(back).isEqualTo(a);
        assertThat(back.key()).isEqualTo("acme|negative_share|2025-03-01T10:00:00Z");
        assertThat(a.text())
                .isEqualTo(
                        "Undertone alert: 70% of the posts about \"Acme\" were negative in"
                                + " 2025-03-01 10:00–10:10 UTC (35 of 50 scored), about 20%"
                                + " expected. Rising: outage, down. For example @ann: \"text x1\"");
        assertThat(AlertJson.toMap(a))
                .containsKeys(
                        "track",
                        "kind",
                        "window_start",
                        "window_end",
                        "observed",
                        "expected",
                        "terms",
                        "examples");
    }
}
