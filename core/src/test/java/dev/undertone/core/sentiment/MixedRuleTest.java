package dev.undertone.core.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MixedRuleTest {

    @Test
    void keepsThreeClassProbabilitiesWhenOnePolarityIsWeak() {
        SentimentScores s = MixedRule.scores(0.7, 0.2, 0.1);
        assertThat(s).isEqualTo(new SentimentScores(0.7, 0.2, 0.1, 0.0));
        assertThat(s.top()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void givesMixedWhenPositiveAndNegativeAreBothStrongAndClose() {
        SentimentScores s = MixedRule.scores(0.45, 0.45, 0.10);
        // e = (0.45 - 0.3) / 0.2 = 0.75: mixed = 0.75 * 0.9, each polarity keeps 0.25 of its share
        assertThat(s.mixed()).isCloseTo(0.675, within(1e-12));
        assertThat(s.positive()).isCloseTo(0.1125, within(1e-12));
        assertThat(s.negative()).isCloseTo(0.1125, within(1e-12));
        assertThat(s.neutral()).isCloseTo(0.10, within(1e-12));
        assertThat(MixedRule.result(0.45, 0.45, 0.10).sentiment()).isEqualTo(Sentiment.MIXED);
    }

    @Test
    void doesNotGiveMixedWhenTheWeakerPolarityIsJustAboveTheThreshold() {
        SentimentScores s = MixedRule.scores(0.55, 0.35, 0.10);
        // e = 0.05 / 0.2 = 0.25: mixed = 0.225, positive = 0.4125
        assertThat(s.mixed()).isCloseTo(0.225, within(1e-12));
        assertThat(s.positive()).isCloseTo(0.4125, within(1e-12));
        assertThat(s.top()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void givesNeutralWhenNeutralOutweighsTheMixedEvidence() {
        SentimentScores s = MixedRule.scores(0.35, 0.35, 0.30);
        assertThat(s.top()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(s.mixed()).isGreaterThan(0);
    }

    @Test
    void givesNoMixedEvidenceBelowTheThreshold() {
        assertThat(MixedRule.scores(0.3, 0.3, 0.4).mixed()).isZero();
        assertThat(MixedRule.scores(0.9, 0.0, 0.1).mixed()).isZero();
    }

    @Test
    void alwaysSumsToOne() {
        for (double p = 0; p <= 1; p += 0.05) {
            for (double n = 0; n <= 1 - p; n += 0.05) {
                SentimentScores s = MixedRule.scores(p, n, 1 - p - n);
                assertThat(s.positive() + s.negative() + s.neutral() + s.mixed())
                        .isCloseTo(1.0, within(1e-9));
                assertThat(s.mixed()).isBetween(0.0, 1.0);
            }
        }
    }
}
