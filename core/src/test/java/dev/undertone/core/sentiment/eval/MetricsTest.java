package dev.undertone.core.sentiment.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.undertone.core.sentiment.Sentiment;
import org.junit.jupiter.api.Test;

class MetricsTest {

    /**
     * Gold rows negative/neutral/positive, predicted columns negative/neutral/positive/other:
     *
     * <pre>
     *            neg neu pos other
     *   neg  (10)  6   2   1    1
     *   neu  (20)  3  14   2    1
     *   pos  (10)  0   2   8    0
     * </pre>
     */
    private static ConfusionMatrix handExample() {
        ConfusionMatrix m = new ConfusionMatrix();
        add(m, 0, Sentiment.NEGATIVE, 6);
        add(m, 0, Sentiment.NEUTRAL, 2);
        add(m, 0, Sentiment.POSITIVE, 1);
        add(m, 0, Sentiment.MIXED, 1);
        add(m, 1, Sentiment.NEGATIVE, 3);
        add(m, 1, Sentiment.NEUTRAL, 14);
        add(m, 1, Sentiment.POSITIVE, 2);
        add(m, 1, null, 1);
        add(m, 2, Sentiment.NEUTRAL, 2);
        add(m, 2, Sentiment.POSITIVE, 8);
        return m;
    }

    private static void add(ConfusionMatrix m, int gold, Sentiment predicted, int times) {
        for (int i = 0; i < times; i++) {
            m.add(gold, predicted);
        }
    }

    @Test
    void computesTheMetricsOfAHandCountedMatrix() {
        Metrics m = handExample().metrics();
        // recalls 6/10, 14/20, 8/10; precisions 6/9, 14/18, 8/11
        double fNeg = 2 * (6.0 / 9) * 0.6 / (6.0 / 9 + 0.6);
        double fNeu = 2 * (14.0 / 18) * 0.7 / (14.0 / 18 + 0.7);
        double fPos = 2 * (8.0 / 11) * 0.8 / (8.0 / 11 + 0.8);
        assertThat(m.n()).isEqualTo(40);
        assertThat(m.accuracy()).isCloseTo(28.0 / 40, within(1e-12));
        assertThat(m.macroRecall()).isCloseTo((0.6 + 0.7 + 0.8) / 3, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((fNeg + fNeu + fPos) / 3, within(1e-12));
        assertThat(m.f1Pn()).isCloseTo((fNeg + fPos) / 2, within(1e-12));
        assertThat(m.perClass().get("negative").precision()).isCloseTo(6.0 / 9, within(1e-12));
        assertThat(m.perClass().get("neutral").support()).isEqualTo(20);
        assertThat(m.perClass().keySet()).containsExactly("negative", "neutral", "positive");
    }

    @Test
    void countsMixedAndUnscoredAsWrongForEveryGoldClass() {
        ConfusionMatrix m = new ConfusionMatrix();
        m.add(0, Sentiment.MIXED);
        m.add(1, Sentiment.MIXED);
        m.add(2, (Sentiment) null);
        Metrics metrics = m.metrics();
        assertThat(metrics.accuracy()).isZero();
        assertThat(metrics.macroRecall()).isZero();
        assertThat(metrics.perClass().get("positive").precision()).isZero();
    }

    @Test
    void scoresAPerfectMatrixAsOne() {
        ConfusionMatrix m = new ConfusionMatrix();
        m.add(0, Sentiment.NEGATIVE);
        m.add(1, Sentiment.NEUTRAL);
        m.add(2, Sentiment.POSITIVE);
        Metrics metrics = m.metrics();
        assertThat(metrics.accuracy()).isEqualTo(1.0);
        assertThat(metrics.macroRecall()).isEqualTo(1.0);
        assertThat(metrics.macroF1()).isEqualTo(1.0);
        assertThat(metrics.f1Pn()).isEqualTo(1.0);
    }

    @Test
    void rejectsAGoldLabelOutsideTheThreeClasses() {
        assertThatThrownBy(() -> new ConfusionMatrix().add(3, Sentiment.POSITIVE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0, 1 or 2");
        assertThatThrownBy(() -> new ConfusionMatrix().add(-1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfusionMatrix().add(0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..3");
    }
}
