package dev.undertone.app.model.comprehend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.app.testing.FakeComprehend;
import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.PostScorer;
import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ComprehendModelTest {

    private FakeComprehend fake;
    private ComprehendModel model;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeComprehend();
        model = model(fake.endpoint(), 4);
    }

    @AfterEach
    void stop() {
        model.close();
        fake.close();
    }

    private static ComprehendModel model(URI endpoint, int attempts) {
        ComprehendConfig config =
                ComprehendConfig.defaults()
                        .withEndpoint(endpoint, "us-east-1")
                        .withRetries(attempts, Duration.ofMillis(1), Duration.ofMillis(5));
        return ComprehendModel.create(
                config,
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret")));
    }

    private static List<List<String>> langs(int n, String lang) {
        return Collections.nCopies(n, List.of(lang));
    }

    @Test
    void sendsAtMost25DocumentsPerCallGroupedByLanguage() {
        List<String> texts = new ArrayList<>();
        List<List<String>> langs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            texts.add(i % 2 == 0 ? "I love post " + i : "I hate post " + i);
            langs.add(List.of("en"));
        }
        for (int i = 0; i < 3; i++) {
            texts.add(i, "me encanta, love " + i);
            langs.add(i, List.of("es-MX"));
        }

        List<SentimentResult> results = model.classify(texts, langs);

        assertThat(fake.calls())
                .extracting(c -> c.languageCode() + ":" + c.texts().size())
                .containsExactly("es:3", "en:25", "en:25", "en:10");
        assertThat(fake.calls()).allMatch(FakeComprehend.Call::signed);
        assertThat(results).hasSize(63).allMatch(SentimentResult::isScored);
        assertThat(results.get(0).sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(results.get(3).sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(results.get(4).sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(results.get(4).scores().negative()).isEqualTo(0.91, within());
        assertThat(model.calls()).isEqualTo(4);
    }

    @Test
    void keepsComprehendsMixedLabelAndScores() {
        SentimentResult r = model.classify(List.of("love it and hate it"), langs(1, "en")).get(0);

        assertThat(r.sentiment()).isEqualTo(Sentiment.MIXED);
        assertThat(r.scores().mixed()).isEqualTo(0.91, within());
        assertThat(r.confidence()).isEqualTo(0.91, within());
        assertThat(model.id()).isEqualTo("comprehend:2017-11-27");
    }

    @Test
    void retriesThrottledCallsUntilTheyPass() {
        fake.throttleNext(2);

        List<SentimentResult> results = model.classify(List.of("love", "hate"), langs(2, "en"));

        assertThat(results).allMatch(SentimentResult::isScored);
        assertThat(fake.requests()).isEqualTo(3);
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void retriesServerErrors() {
        fake.failNext(1);

        assertThat(model.classify(List.of("love"), langs(1, "en")))
                .allMatch(SentimentResult::isScored);
        assertThat(fake.requests()).isEqualTo(2);
    }

    @Test
    void throttlingPastTheLastAttemptLeavesEveryPostUnscoredWithTheReason() {
        fake.throttleNext(100);

        List<SentimentResult> results =
                model.classify(List.of("love", "hate", "meh"), langs(3, "en"));

        assertThat(results)
                .hasSize(3)
                .allSatisfy(
                        r ->
                                assertThat(r.unscoredReason())
                                        .isEqualTo("comprehend_error:ThrottlingException"));
        assertThat(fake.requests()).isEqualTo(4);
        assertThat(model.failedDocuments()).isEqualTo(3);
    }

    @Test
    void aDocumentThatFailsAloneIsUnscoredAndTheOthersAreScored() {
        List<SentimentResult> results =
                model.classify(
                        List.of("love", "x " + FakeComprehend.FAIL_MARKER, "hate"), langs(3, "en"));

        assertThat(results.get(0).sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(results.get(1).unscoredReason())
                .isEqualTo("comprehend_error:INTERNAL_SERVER_ERROR");
        assertThat(results.get(2).sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void anUnreachableEndpointLeavesPostsUnscoredInsteadOfThrowing() {
        URI dead = fake.endpoint();
        fake.close();
        try (ComprehendModel m = model(dead, 2)) {
            List<SentimentResult> results = m.classify(List.of("love"), langs(1, "en"));

            assertThat(results).hasSize(1);
            assertThat(results.get(0).unscoredReason()).startsWith("comprehend_error:");
        }
    }

    @Test
    void cutsLongDocumentsTo5000Utf8BytesOnACharacterBoundary() {
        String cjk = "愛".repeat(1666) + "😀" + "tail";
        String ascii = "love " + "a".repeat(6000);

        List<SentimentResult> results = model.classify(List.of(cjk, ascii), langs(2, "ja"));

        assertThat(results).allMatch(SentimentResult::isScored);
        List<String> sent = fake.calls().get(0).texts();
        assertThat(sent.get(0)).isEqualTo("愛".repeat(1666));
        assertThat(sent.get(0).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(5000);
        assertThat(sent.get(1)).hasSize(5000).startsWith("love ");
        assertThat(model.truncated()).isEqualTo(2);
    }

    @Test
    void replacesLoneSurrogatesAndSkipsEmptyTexts() {
        List<SentimentResult> results =
                model.classify(List.of("love \uD800 it", " \t"), langs(2, "en"));

        assertThat(fake.calls().get(0).texts()).containsExactly("love \uFFFD it");
        assertThat(results.get(0).isScored()).isTrue();
        assertThat(results.get(1).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
    }

    @Test
    void languagesComprehendDoesNotScoreAreNeverSent() {
        assertThat(model.supports(List.of("sv"))).isFalse();
        assertThat(model.supports(List.of("sv", "en-GB"))).isTrue();
        assertThat(model.supports(List.of())).isTrue();

        List<SentimentResult> results =
                model.classify(
                        List.of("älskar", "愛", "love"),
                        List.of(List.of("sv"), List.of("zh-Hant-HK"), List.of()));

        assertThat(results.get(0).unscoredReason()).isEqualTo(SentimentResult.UNSUPPORTED_LANGUAGE);
        assertThat(fake.calls())
                .extracting(FakeComprehend.Call::languageCode)
                .containsExactly("zh-TW", "en");
    }

    @Test
    void postsInTheirOwnLanguagesGoThroughThePipelinesScorer() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        PostScorer scorer = new PostScorer(model, clock);

        List<ScoredPost> scored =
                scorer.score(
                        List.of(post("1", "odio esto, hate", "es"), post("2", "jag älskar", "sv")));

        assertThat(scored.get(0).sentiment().sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(scored.get(0).modelId()).isEqualTo(ComprehendModel.ID);
        assertThat(scored.get(1).sentiment().unscoredReason())
                .isEqualTo(SentimentResult.UNSUPPORTED_LANGUAGE);
        assertThat(fake.calls())
                .extracting(FakeComprehend.Call::languageCode)
                .containsExactly("es");
    }

    private static Post post(String id, String text, String lang) {
        return TestPosts.post(PostSource.FILE, id, Instant.parse("2026-01-01T00:00:00Z"), text)
                .author("someone", null)
                .langs(List.of(lang))
                .build();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }
}
