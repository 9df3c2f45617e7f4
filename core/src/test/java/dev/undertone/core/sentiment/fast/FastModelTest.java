package dev.undertone.core.sentiment.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.SentimentScores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FastModelTest {

    private static final FastModel MODEL = FastModels.builtIn();

    @Test
    void neverThrowsAndAlwaysAnswersForHostileTexts() {
        List<String> texts =
                java.util.Arrays.asList(
                        "",
                        " \t\r\n ",
                        null,
                        "x".repeat(100_000),
                        "bad \uD800 surrogate \uDC00 here",
                        "\uDFFF\uD800",
                        "ctrl\u0000\u0001\u001B[31m\u007F chars",
                        "\u05D0\u05E0\u05D9 \u05D0\u05D5\u05D4\u05D1 \u202Eltr\u202C",
                        "\uD83D\uDE80\uD83D\uDE80\uD83C\uDF89",
                        "\uD83D\uDE0D\uD83D\uDE0D",
                        "&#0; &#xFFFFFFFF; &#55296; \\uZZZZ \\u",
                        "@user",
                        "!!!???...");
        List<SentimentResult> results = MODEL.classify(texts);
        assertThat(results).hasSize(texts.size());
        assertThat(results.get(0).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(results.get(1).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(results.get(2).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(results.get(5).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        for (int i : new int[] {3, 4, 6, 7, 8, 9, 10, 11, 12}) {
            assertThat(results.get(i).isScored()).as("text %d", i).isTrue();
            assertSumsToOne(results.get(i).scores());
        }
    }

    @Test
    void scoresEmojiOnlyTextsThroughTheirEmoticons() {
        List<SentimentResult> r =
                MODEL.classify(List.of("\uD83D\uDE0D\uD83D\uDE0D", "\uD83D\uDE2D\uD83D\uDE2D"));
        assertThat(r.get(0).scores().positive()).isGreaterThan(r.get(0).scores().negative());
        assertThat(r.get(1).scores().negative()).isGreaterThan(r.get(1).scores().positive());
    }

    @Test
    void givesTheSameResultsFromManyThreadsAsFromOne() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            texts.add(
                    "tweet number "
                            + i
                            + (i % 3 == 0 ? " is great" : i % 3 == 1 ? " sucks" : " ok"));
        }
        List<SentimentResult> expected = MODEL.classify(texts);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SentimentResult>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> MODEL.classify(texts)));
            }
            for (Future<List<SentimentResult>> f : futures) {
                assertThat(f.get(1, TimeUnit.MINUTES)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void treatsLiveAndTrainingSpellingsAlike() {
        List<SentimentResult> r =
                MODEL.classify(
                        List.of(
                                "@bob I\u2019m so happy &amp; proud https://t.co/x",
                                "@user I\\u2019m so happy & proud"));
        assertThat(r.get(0)).isEqualTo(r.get(1));
    }

    private static void assertSumsToOne(SentimentScores s) {
        assertThat(s.positive() + s.negative() + s.neutral() + s.mixed())
                .isCloseTo(1.0, within(1e-9));
    }
}
