package dev.undertone.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.core.post.Post;
import dev.undertone.core.post.PostSource;
import dev.undertone.core.post.ScoredPost;
import dev.undertone.core.post.TestPosts;
import dev.undertone.core.sentiment.fast.FastModels;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageRoutedModelTest {

    /** Calls everything positive and records each batch it gets. */
    private static class Recording implements SentimentModel {
        final String id;
        final List<List<String>> batches = new ArrayList<>();

        Recording(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<SentimentResult> classify(List<String> texts) {
            batches.add(List.copyOf(texts));
            List<SentimentResult> out = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                out.add(MixedRule.result(0.8, 0.1, 0.1));
            }
            return out;
        }
    }

    private static Post post(String id, String text, List<String> langs) {
        return TestPosts.post(PostSource.BLUESKY, id, Instant.EPOCH, text)
                .author("a", null)
                .langs(langs)
                .build();
    }

    @Test
    void callsEachLanguagesModelOncePerBatchAndKeepsTheOrder() {
        Recording en = new Recording("en-1");
        Recording es = new Recording("es-1");
        Recording de = new Recording("de-1");
        LanguageRoutedModel m = new LanguageRoutedModel(en, Map.of("es", es, "de", de));
        List<ScoredPost> out =
                new PostScorer(m, Clock.systemUTC())
                        .score(
                                List.of(
                                        post("1", "hola", List.of("es")),
                                        post("2", "hello", List.of("en")),
                                        post("3", "hallo", List.of("de-AT")),
                                        post("4", "konnichiwa", List.of("ja")),
                                        post("5", "adios", List.of("es")),
                                        post("6", "untagged", List.of()),
                                        post("7", "both", List.of("ja", "de"))));
        assertThat(es.batches).containsExactly(List.of("hola", "adios"));
        assertThat(de.batches).containsExactly(List.of("hallo", "both"));
        assertThat(en.batches).containsExactly(List.of("hello", "untagged"));
        assertThat(out)
                .extracting(ScoredPost::modelId)
                .containsExactly("es-1", "en-1", "de-1", "en-1", "es-1", "en-1", "de-1");
        assertThat(out.get(3).sentiment().unscoredReason())
                .isEqualTo(SentimentResult.UNSUPPORTED_LANGUAGE);
        assertThat(out)
                .extracting(p -> p.post().id())
                .containsExactly("1", "2", "3", "4", "5", "6", "7");
    }

    @Test
    void anEnglishModelThatTakesNoUntaggedPostsLeavesThemUnscored() {
        SentimentModel taggedOnly =
                new Recording("en-tagged") {
                    @Override
                    public boolean supports(List<String> langs) {
                        return langs.contains("en");
                    }
                };
        LanguageRoutedModel m = new LanguageRoutedModel(taggedOnly, Map.of());
        assertThat(m.supports(List.of())).isFalse();
        assertThat(m.supports(List.of("en"))).isTrue();
        assertThat(m.route(List.of("fr"))).isNull();
    }

    @Test
    void refusesEnglishAmongTheOthersAndCodesThatAreNotLanguages() {
        Recording r = new Recording("x");
        assertThatThrownBy(() -> new LanguageRoutedModel(r, Map.of("en", r)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanguageRoutedModel(r, Map.of("ES", r)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LanguageRoutedModel(r, Map.of("spanish", r)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuiltInFastModelScoresEachLanguageWithItsOwnModel() {
        SentimentModel fast = SentimentModels.load("fast");
        assertThat(fast.id()).isEqualTo("fast-1");
        String[][] posts = {
            {
                "ar",
                "\u0623\u0646\u0627 \u0633\u0639\u064A\u062F \u062C\u062F\u0627 \u0627\u0644\u064A\u0648\u0645"
            },
            {"de", "Ich freue mich so sehr auf das Wochenende"},
            {"es", "Me encanta este lugar, todo es maravilloso"},
            {"fr", "Je suis tellement content de ce film"},
            {"it", "Che bella giornata, sono felicissimo"},
            {"pt", "Adorei o jogo de hoje, que vitória"},
        };
        List<Post> batch = new ArrayList<>();
        for (String[] p : posts) {
            batch.add(post(p[0], p[1], List.of(p[0])));
        }
        batch.add(post("en", "I love this so much", List.of("en")));
        batch.add(post("none", "no language given", List.of()));
        // Hindi has no model (its best cross-validated setting was at chance): not scored.
        batch.add(post("hi", "yeh film bahut achhi hai yaar", List.of("hi")));
        List<ScoredPost> out = new PostScorer(fast, Clock.systemUTC()).score(batch);
        for (int i = 0; i < posts.length; i++) {
            String lang = posts[i][0];
            ScoredPost s = out.get(i);
            assertThat(s.modelId()).isEqualTo("fast-2/" + lang);
            // The same result as the language's own model gives alone.
            SentimentResult alone = FastModels.language(lang).classify(List.of(posts[i][1])).get(0);
            assertThat(s.sentiment()).isEqualTo(alone);
            assertThat(s.sentiment().isScored()).isTrue();
        }
        assertThat(out.get(posts.length).modelId()).isEqualTo("fast-1");
        assertThat(out.get(posts.length + 1).modelId()).isEqualTo("fast-1");
        assertThat(out.get(posts.length + 1).sentiment().isScored()).isTrue();
        assertThat(out.get(posts.length + 2).sentiment().unscoredReason())
                .isEqualTo(SentimentResult.UNSUPPORTED_LANGUAGE);
    }

    @Test
    void badInputGetsAResultOrAReasonNeverAnException() {
        SentimentModel fast = SentimentModels.load("fast");
        List<Post> batch =
                List.of(
                        post("1", "", List.of("es")),
                        post("2", "😂😂🔥", List.of("fr")),
                        post("3", "😂😂🔥", List.of()),
                        post("4", "C'est génial, but the ending was awful", List.of("fr", "en")),
                        post("5", "這部電影很好看", List.of("zh")),
                        post("6", "\uD800 lone surrogate", List.of("de")),
                        post("7", "   ", List.of("ar")),
                        post("8", "https://example.com", List.of("hi")),
                        post("9", "texto sin etiqueta", List.of("und")));
        List<ScoredPost> out = new PostScorer(fast, Clock.systemUTC()).score(batch);
        assertThat(out).hasSize(batch.size());
        assertThat(out)
                .allSatisfy(
                        s ->
                                assertThat(
                                                s.sentiment().isScored()
                                                        || s.sentiment().unscoredReason() != null)
                                        .isTrue());
        assertThat(out.get(0).sentiment().unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(out.get(3).modelId()).isEqualTo("fast-2/fr");
        assertThat(out.get(4).sentiment().unscoredReason())
                .isEqualTo(SentimentResult.UNSUPPORTED_LANGUAGE);
        assertThat(out.get(6).sentiment().unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
    }
}
