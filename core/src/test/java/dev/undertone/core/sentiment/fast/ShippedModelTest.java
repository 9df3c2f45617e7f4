package dev.undertone.core.sentiment.fast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.sentiment.Sentiment;
import dev.undertone.core.sentiment.SentimentResult;
import dev.undertone.core.sentiment.eval.LabeledTexts;
import dev.undertone.core.sentiment.eval.Metrics;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model in the jar, on TweetEval's validation split (a copy is in the test resources). */
class ShippedModelTest {

    private static final FastModel MODEL = FastModels.builtIn();

    @Test
    void reachesTheTargetMacroRecallOnValidation() throws IOException, URISyntaxException {
        LabeledTexts val =
                LabeledTexts.read(
                        FastTrainerTest.resource("val_text.txt"),
                        FastTrainerTest.resource("val_labels.txt"));
        Metrics m = FastTrainer.evaluate(MODEL, val);
        assertThat(m.n()).isEqualTo(2000);
        assertThat(m.macroRecall()).isGreaterThanOrEqualTo(0.70);
    }

    @Test
    void carriesItsVersionedId() {
        assertThat(MODEL.id()).isEqualTo(FastModels.BUILT_IN_ID).matches("fast-\\d+");
    }

    @Test
    void readsClearSentiment() {
        List<SentimentResult> r =
                MODEL.classify(
                        List.of(
                                "I love this, best day ever! :)",
                                "This is awful, I hate it so much",
                                "The meeting is at 3pm on Tuesday in room 4"));
        assertThat(r)
                .extracting(SentimentResult::sentiment)
                .containsExactly(Sentiment.POSITIVE, Sentiment.NEGATIVE, Sentiment.NEUTRAL);
    }
}
