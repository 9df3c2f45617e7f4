package dev.undertone.core.sentiment.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.core.sentiment.eval.LabeledTexts;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void foldsKeepEachClassSpreadEvenlyAndAreTheSameForTheSameSeed() {
        // 10 negatives, 20 neutrals, 5 positives.
        byte[] labels = new byte[35];
        for (int i = 10; i < 30; i++) {
            labels[i] = 1;
        }
        for (int i = 30; i < 35; i++) {
            labels[i] = 2;
        }
        int[] folds = CrossValidation.folds(labels, 5, 7);
        int[][] perFold = new int[5][3];
        for (int i = 0; i < labels.length; i++) {
            perFold[folds[i]][labels[i]]++;
        }
        for (int[] f : perFold) {
            assertThat(f).containsExactly(2, 4, 1);
        }
        assertThat(CrossValidation.folds(labels, 5, 7)).isEqualTo(folds);
        assertThat(CrossValidation.folds(labels, 5, 8)).isNotEqualTo(folds);
    }

    @Test
    void refusesFewerThanTwoFolds() {
        assertThatThrownBy(() -> CrossValidation.folds(new byte[3], 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concatKeepsTheOrderOfBoth() {
        LabeledTexts a = new LabeledTexts(List.of("a", "b"), new byte[] {0, 2});
        LabeledTexts b = new LabeledTexts(List.of("c"), new byte[] {1});
        LabeledTexts c = CrossValidation.concat(a, b);
        assertThat(c.texts()).containsExactly("a", "b", "c");
        assertThat(c.labels()).containsExactly(0, 2, 1);
    }

    @Test
    void outOfFoldPredictionsCoverEveryExampleOnce() {
        // A separable toy set: every example is scored exactly once across the folds.
        List<String> texts =
                List.of(
                        "awful terrible",
                        "bad awful",
                        "terrible bad",
                        "hate awful",
                        "table chair",
                        "chair desk",
                        "desk table",
                        "lamp chair",
                        "great lovely",
                        "lovely wonderful",
                        "wonderful great",
                        "love great");
        byte[] labels = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
        var m =
                CrossValidation.evaluate(
                        LanguageSettings.chosen("de").options(),
                        "de",
                        new LabeledTexts(texts, labels),
                        null,
                        4,
                        1);
        assertThat(m.n()).isEqualTo(12);
    }
}
