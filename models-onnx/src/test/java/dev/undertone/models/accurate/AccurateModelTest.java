package dev.undertone.models.accurate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.models.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccurateModelTest {

    private static AccurateModel model;

    @BeforeAll
    static void load() {
        model = AccurateModels.builtIn();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void theShippedModelCarriesItsIdAndReadsClearTexts() {
        assertThat(model.id()).isEqualTo(AccurateModels.BUILT_IN_ID);
        List<SentimentResult> r =
                model.classify(
                        List.of(
                                "I love this so much, best day of my life!",
                                "This is awful. I hate it, worst service ever.",
                                "The meeting is scheduled for 3pm on Tuesday in room 4."));
        assertThat(r)
                .extracting(SentimentResult::sentiment)
                .containsExactly(Sentiment.POSITIVE, Sentiment.NEGATIVE, Sentiment.NEUTRAL);
        for (SentimentResult s : r) {
            double sum =
                    s.scores().positive()
                            + s.scores().negative()
                            + s.scores().neutral()
                            + s.scores().mixed();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void resultsComeBackInTheCallersOrderWhateverTheLengths() {
        // Sorted by token count inside, so a long text first and short ones after must not swap.
        String longPositive =
                "honestly this is the most wonderful, amazing, delightful thing that has happened"
                        + " to me in years and I am so grateful and happy about it";
        List<String> texts = List.of(longPositive, "I hate this", "love it", "so sad and angry");
        List<SentimentResult> together = model.classify(texts);
        List<Sentiment> alone = new ArrayList<>();
        for (String t : texts) {
            alone.add(model.classify(List.of(t)).get(0).sentiment());
        }
        assertThat(together).extracting(SentimentResult::sentiment).isEqualTo(alone);
        assertThat(alone)
                .containsExactly(
                        Sentiment.POSITIVE,
                        Sentiment.NEGATIVE,
                        Sentiment.POSITIVE,
                        Sentiment.NEGATIVE);
    }

    @Test
    void anyStringGetsAResultOrAReasonNeverAnException() {
        List<String> bad = new ArrayList<>();
        bad.add("");
        bad.add("   \t  ");
        bad.add(null);
        bad.add("\uD800 lone surrogate \uDFFF");
        bad.add("control \u0000\u0007\u001b chars");
        bad.add("https://example.com/only-a-link");
        bad.add("😀😀😀");
        bad.add("x".repeat(100_000));
        bad.add("word ".repeat(5_000));
        List<SentimentResult> r = model.classify(bad);
        assertThat(r).hasSize(bad.size());
        assertThat(r.get(0).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(r.get(1).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(r.get(2).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(r.get(5).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        for (int i : new int[] {3, 4, 6, 7, 8}) {
            assertThat(r.get(i).isScored()).as("text %d", i).isTrue();
        }
    }

    @Test
    void textsLongerThanTheWindowAreTruncatedAndCounted() {
        long before = model.truncated();
        model.classify(List.of("good ".repeat(200), "short and sweet"));
        assertThat(model.truncated() - before).isEqualTo(1);
    }

    @Test
    void aBatchOfManyLengthsIsCutIntoMicroBatchesAndAllScored() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            texts.add("great ".repeat(1 + i % 50) + i);
        }
        Collections.shuffle(texts, new java.util.Random(1));
        long before = model.encoded();
        List<SentimentResult> r = model.classify(texts);
        assertThat(r).allMatch(SentimentResult::isScored);
        assertThat(model.encoded() - before).isEqualTo(700);
    }

    @Test
    void aGraphWithTheWrongOutputLeavesPostsUnscoredWithTheReason(@TempDir Path dir)
            throws IOException {
        // The frozen encoder of the tokenizer's artifact: a valid graph whose output is the hidden
        // states, not three logits. Running it "succeeds" natively, reading it fails.
        Path graph = dir.resolve("encoder.onnx");
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-q.onnx")) {
            assertThat(in).isNotNull();
            Files.copy(in, graph);
        }
        try (AccurateModel wrong = AccurateModels.load(graph, AccurateConfig.DEFAULTS)) {
            List<SentimentResult> r = wrong.classify(List.of("fine", "", "also fine"));
            assertThat(r)
                    .extracting(SentimentResult::unscoredReason)
                    .containsExactly(
                            AccurateModel.MODEL_ERROR,
                            SentimentResult.EMPTY_TEXT,
                            AccurateModel.MODEL_ERROR);
            assertThat(wrong.failed()).isEqualTo(2);
            assertThat(wrong.id()).isEqualTo("encoder");
        }
    }

    @Test
    void aFileThatIsNoGraphFailsToLoadWithAClearMessage(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a graph");
        assertThatThrownBy(() -> AccurateModels.load(junk, AccurateConfig.DEFAULTS))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("loading the accurate model");
    }
}
