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
        // e = (0.45 - 0.25) / 0.25 = 0.8: mixed = 0.8 * 0.9, each polarity keeps 0.2 of its share
        assertThat(s.mixed()).isCloseTo(0.72, within(1e-12));
        assertThat(s.positive()).isCloseTo(0.09, within(1e-12));
        assertThat(s.negative()).isCloseTo(0.09, within(1e-12));
        assertThat(s.neutral()).isCloseTo(0.10, within(1e-12));
        assertThat(MixedRule.result(0.45, 0.45, 0.10).sentiment()).isEqualTo(Sentiment.MIXED);
    }

    @Test
    void doesNotGiveMixedWhenTheWeakerPolarityIsJustAboveTheThreshold() {
        SentimentScores s = MixedRule.scores(0.55, 0.30, 0.15);
        // e = 0.05 / 0.25 = 0.2: mixed = 0.17, positive = 0.44
        assertThat(s.mixed()).isCloseTo(0.17, within(1e-12));
        assertThat(s.top()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void givesNeutralWhenNeutralOutweighsTheMixedEvidence() {
        SentimentScores s = MixedRule.scores(0.3, 0.3, 0.4);
        assertThat(s.top()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(s.mixed()).isGreaterThan(0);
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
