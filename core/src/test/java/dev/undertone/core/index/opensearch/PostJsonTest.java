package dev.undertone.core.index.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.undertone.core.index.IndexFields;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostJsonTest {
    private static final Instant CREATED = Instant.parse("2025-03-01T10:15:30.123Z");
    private static final Instant SCORED = Instant.parse("2025-03-01T10:15:31.456Z");
    private static final Instant INDEXED = Instant.parse("2025-03-01T10:15:32.789Z");

    static ScoredPost post(String id, String text, SentimentResult r) {
        Post p =
                TestPosts.post(PostSource.BLUESKY, id, CREATED, text)
                        .author("alice.bsky.social", "did:plc:alice")
                        .langs(List.of("en", "pt-BR"))
                        .url("https://bsky.app/profile/alice/post/" + id)
                        .hashtags(List.of("Stimulus"))
                        .mentions(List.of("bob.bsky.social"))
                        .tracks(List.of("stimulus"))
                        .reply(true)
                        .quote(true)
                        .build();
        return new ScoredPost(p, r, "fast-1.0", SCORED);
    }

    @Test
    void scoredPostSurvivesTheRoundTripThroughItsDocument() {
        ScoredPost scored =
                post(
                        "did:plc:alice/3k1",
                        "Great <b>news</b>\n\"quoted\"",
                        SentimentResult.scored(
                                Sentiment.POSITIVE, new SentimentScores(0.7, 0.1, 0.15, 0.05)));

        ObjectNode doc = PostJson.toDocument(scored, INDEXED, List.of("great", "news"));

        assertThat(doc.get(IndexFields.KEY).asText()).isEqualTo("bluesky:did:plc:alice/3k1");
        assertThat(doc.get(IndexFields.SENTIMENT).asText()).isEqualTo("POSITIVE");
        assertThat(doc.get(IndexFields.CONFIDENCE).asDouble()).isEqualTo(0.7);
        assertThat(doc.get(IndexFields.INDEXED_AT).asText()).isEqualTo("2025-03-01T10:15:32.789Z");
        assertThat(PostJson.fromDocument(doc)).isEqualTo(scored);
        assertThat(PostJson.indexedAt(doc)).isEqualTo(INDEXED);
    }

    @Test
    void unscoredPostKeepsItsReasonAndHasNoScores() {
        ScoredPost scored = post("x1", "", SentimentResult.unscored(SentimentResult.EMPTY_TEXT));

        ObjectNode doc = PostJson.toDocument(scored, INDEXED, List.of());

        assertThat(doc.get(IndexFields.SENTIMENT).asText()).isEqualTo(IndexFields.UNSCORED);
        assertThat(doc.get(IndexFields.UNSCORED_REASON).asText()).isEqualTo("empty_text");
        assertThat(doc.has(IndexFields.CONFIDENCE)).isFalse();
        assertThat(PostJson.fromDocument(doc)).isEqualTo(scored);
    }

    @Test
    void documentIsOneLineOfJsonWhateverTheText() {
        ScoredPost scored =
                post("x2", "line one\nline two\r\n\u2028", SentimentResult.unscored("empty_text"));

        String json = PostJson.toDocument(scored, INDEXED, List.of()).toString();

        assertThat(json).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void documentMissingARequiredFieldIsRefusedWithItsName() {
        ObjectNode doc =
                PostJson.toDocument(
                        post("x3", "t", SentimentResult.unscored("empty_text")),
                        INDEXED,
                        List.of());
        doc.remove(IndexFields.MODEL);

        assertThatThrownBy(() -> PostJson.fromDocument(doc)).hasMessageContaining("model");
    }
}
