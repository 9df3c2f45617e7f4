package dev.undertone.app.model.accurate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped accurate model, really loaded: MiniLM through ONNX Runtime plus the shipped head. */
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
    void labelsClearTextsAsAPersonWould() {
        List<SentimentResult> r =
                model.classify(
                        List.of(
                                "I absolutely love this, best day ever! So happy :)",
                                "This is terrible, I hate it and I am so angry.",
                                "The meeting is scheduled for 3pm on Tuesday in room 4."));

        assertThat(r)
                .extracting(SentimentResult::sentiment)
                .containsExactly(Sentiment.POSITIVE, Sentiment.NEGATIVE, Sentiment.NEUTRAL);
        assertThat(
                        r.get(0).scores().positive()
                                + r.get(0).scores().negative()
                                + r.get(0).scores().neutral()
                                + r.get(0).scores().mixed())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(model.id()).isEqualTo(AccurateModels.BUILT_IN_ID);
    }

    @Test
    void neverThrowsForBadStrings() {
        String huge = "so good ".repeat(12_800);
        List<String> bad =
                List.of(
                        "",
                        "   \t\n ",
                        huge,
                        "broken \uD800 surrogate \uDC00 pair",
                        "ctrl \u0000\u0001\u0007\u001b[31m chars \u202e bidi",
                        "😀😀😀",
                        "@user http://t.co/x");

        List<SentimentResult> r = model.classify(bad);

        assertThat(r).hasSize(bad.size());
        assertThat(r.get(0).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(r.get(1).unscoredReason()).isEqualTo(SentimentResult.EMPTY_TEXT);
        assertThat(r.get(2).isScored()).isTrue();
        assertThat(r.get(3).isScored()).isTrue();
        assertThat(r.get(4).isScored()).isTrue();
        assertThat(r.get(5).isScored()).isTrue();
    }

    @Test
    void countsTextsLongerThanTheWindow() {
        long before = model.truncated();

        model.classify(List.of("long ".repeat(400), "short"));

        assertThat(model.truncated()).isEqualTo(before + 1);
    }

    @Test
    void resultsKeepTheInputOrderWhateverTheLengths() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add(
                    i % 2 == 0
                            ? "awful awful awful, worst service, I hate it " + "really ".repeat(i)
                            : "wonderful, I love it");
        }

        List<SentimentResult> r = model.classify(texts);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(r.get(i).sentiment())
                    .as("text %d", i)
                    .isEqualTo(i % 2 == 0 ? Sentiment.NEGATIVE : Sentiment.POSITIVE);
        }
    }
}
