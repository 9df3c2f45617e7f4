package dev.undertone.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostScorerTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    /** Records each batch it gets and calls every non-empty text positive. */
    private static final class RecordingModel implements SentimentModel {
        final List<List<String>> batches = new ArrayList<>();

        @Override
        public String id() {
            return "recording-1";
        }

        @Override
        public List<SentimentResult> classify(List<String> texts) {
            batches.add(List.copyOf(texts));
            List<SentimentResult> out = new ArrayList<>();
            for (String t : texts) {
                out.add(
                        t.isBlank()
                                ? SentimentResult.unscored(SentimentResult.EMPTY_TEXT)
                                : MixedRule.result(0.8, 0.1, 0.1));
            }
            return out;
        }
    }

    private static Post post(String id, String text, List<String> langs) {
        return TestPosts.post(PostSource.BLUESKY, id, NOW, text)
                .author("a", null)
                .langs(langs)
                .build();
    }

    @Test
    void scoresSupportedPostsInOneBatchAndKeepsTheOrder() {
        RecordingModel model = new RecordingModel();
        PostScorer scorer = new PostScorer(model, Clock.fixed(NOW, ZoneOffset.UTC));
        List<ScoredPost> out =
                scorer.score(
                        List.of(
                                post("1", "hello", List.of("en")),
                                post("2", "hola", List.of("es")),
                                post("3", "no tag", List.of()),
                                post("4", "   ", List.of("en-GB")),
                                post("5", "both", List.of("ja", "en"))));
        assertThat(model.batches).containsExactly(List.of("hello", "no tag", "   ", "both"));
        assertThat(out).extracting(p -> p.post().id()).containsExactly("1", "2", "3", "4", "5");
        assertThat(out.get(0).sentiment().sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(out.get(1).sentiment().unscoredReason())
                .isEqualTo(SentimentResult.UNSUPPORTED_LANGUAGE);
        assertThat(out.get(2).sentiment().isScored()).isTrue();
        assertThat(out.get(3).sentiment().unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(out.get(4).sentiment().isScored()).isTrue();
        assertThat(out).allSatisfy(p -> assertThat(p.modelId()).isEqualTo("recording-1"));
        assertThat(out).allSatisfy(p -> assertThat(p.scoredAt()).isEqualTo(NOW));
    }

    @Test
    void doesNotCallTheModelWhenNoPostIsSupported() {
        RecordingModel model = new RecordingModel();
        List<ScoredPost> out =
                new PostScorer(model, Clock.systemUTC())
                        .score(List.of(post("1", "bonjour", List.of("fr"))));
        assertThat(model.batches).isEmpty();
        assertThat(out.get(0).sentiment().unscoredReason())
                .isEqualTo(SentimentResult.UNSUPPORTED_LANGUAGE);
    }

    @Test
    void recognisesEnglishTagsOnly() {
        assertThat(PostScorer.isSupported(List.of("en"))).isTrue();
        assertThat(PostScorer.isSupported(List.of("en-us"))).isTrue();
        assertThat(PostScorer.isSupported(List.of("EN_gb"))).isTrue();
        assertThat(PostScorer.isSupported(List.of())).isTrue();
        assertThat(PostScorer.isSupported(List.of("eng"))).isFalse();
        assertThat(PostScorer.isSupported(List.of("de", "fr"))).isFalse();
    }

    @Test
    void scoresRealPostsWithTheBuiltInModel() {
        PostScorer scorer = new PostScorer(SentimentModels.load("fast"), Clock.systemUTC());
        List<ScoredPost> out =
                scorer.score(
                        List.of(
                                post("1", "I absolutely love this new album!", List.of("en")),
                                post("2", "https://example.com/only-a-link", List.of("en"))));
        assertThat(out.get(0).sentiment().sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(out.get(1).sentiment().unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(out.get(0).modelId()).isEqualTo("fast-1");
    }
}
