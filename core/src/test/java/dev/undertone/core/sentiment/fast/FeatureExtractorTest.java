package dev.undertone.core.sentiment.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private static final FeatureSpec SPEC = new FeatureSpec(18, 2, 4, true, true);
    private final FeatureExtractor extractor = new FeatureExtractor(SPEC, Lexicon.vader());

    /** Records what the extractor emits. */
    private static final class Collected implements FeatureSink {
        final List<Integer> words = new ArrayList<>();
        final List<Integer> chars = new ArrayList<>();
        final float[] dense = new float[DenseFeatures.COUNT];

        @Override
        public void hashed(int group, int[] buckets, int count) {
            for (int i = 0; i < count; i++) {
                (group == WORDS ? words : chars).add(buckets[i]);
            }
        }

        @Override
        public void dense(int slot, float value) {
            dense[slot] += value;
        }
    }

    private Collected extract(String text) {
        Collected c = new Collected();
        extractor.extract(text, new Tokens(), c);
        return c;
    }

    @Test
    void emitsUnigramsBigramsAndBoundaryBigramsForWords() {
        Collected c = extract("good day");
        // 2 unigrams + bigrams <s>-good, good-day, day-</s>
        assertThat(c.words).hasSize(5);
        assertThat(c.words).allSatisfy(b -> assertThat(b).isBetween(0, SPEC.buckets() - 1));
    }

    @Test
    void emitsEveryCharacterNgramOfThePaddedText() {
        // " ab " has 3 bigrams, 2 trigrams, 1 four-gram
        assertThat(extract("ab").chars).hasSize(6);
    }

    @Test
    void givesANegatedWordAFeatureOfItsOwnUntilTheClauseEnds() {
        List<Integer> plain = extract("good").words;
        List<Integer> negated = extract("not good").words;
        List<Integer> closed = extract("not . good").words;
        int good = plain.get(0);
        // not, <s>-not, good, good-negated, not-good, good-</s>
        assertThat(negated).hasSize(6);
        assertThat(negated.get(2)).isEqualTo(good);
        assertThat(negated.get(3)).isNotIn(plain);
        // not, <s>-not, ., not-., good, .-good, good-</s>: no negated feature after the period
        assertThat(closed).hasSize(7);
        assertThat(closed.get(4)).isEqualTo(good);
    }

    @Test
    void flipsTheLexiconValenceOfNegatedWords() {
        Collected plain = extract("this is good");
        Collected negated = extract("this isn't good");
        assertThat(plain.dense[DenseFeatures.LEX_POS_SUM]).isGreaterThan(0);
        assertThat(plain.dense[DenseFeatures.LEX_NEG_SUM]).isZero();
        assertThat(negated.dense[DenseFeatures.LEX_POS_SUM]).isZero();
        assertThat(negated.dense[DenseFeatures.LEX_NEG_SUM]).isGreaterThan(0);
        assertThat(negated.dense[DenseFeatures.NEGATIONS])
                .isCloseTo((float) Math.log(2), within(1e-6f));
    }

    @Test
    void countsStyleCuesAndEmoticons() {
        Collected c = extract("SO HAPPY todaaaay!!! :)");
        assertThat(c.dense[DenseFeatures.ALL_CAPS]).isCloseTo((float) Math.log(3), within(1e-6f));
        assertThat(c.dense[DenseFeatures.ELONGATED]).isCloseTo((float) Math.log(2), within(1e-6f));
        assertThat(c.dense[DenseFeatures.EXCLAMATIONS])
                .isCloseTo((float) Math.log(4), within(1e-6f));
        assertThat(c.dense[DenseFeatures.EMOTICON_POS])
                .isCloseTo((float) Math.log(2), within(1e-6f));
        assertThat(c.dense[DenseFeatures.ENDS_EXCLAIMING]).isZero();
        assertThat(c.dense[DenseFeatures.BIAS]).isEqualTo(1f);
    }

    @Test
    void givesTheSameFeaturesEveryTime() {
        assertThat(extract("Same text, same features!").words)
                .isEqualTo(extract("Same text, same features!").words);
    }
}
