package dev.undertone.core.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.pemistahl.lingua.api.Language;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import org.junit.jupiter.api.Test;

class LinguaPackedModelsTest {

    @Test
    void theDetectorsLanguagesAreInLinguasMapsPacked() {
        LinguaPackedModels.install(LatinLanguageModels.LANGUAGES);

        for (int length = 1; length <= 5; length++) {
            var loaded = LinguaPackedModels.loadedModels(length);
            for (Language language : LatinLanguageModels.LANGUAGES) {
                assertThat(loaded.get(language))
                        .as("%s %d-grams", language, length)
                        .isInstanceOf(PackedNgramModel.class);
            }
        }
    }

    @Test
    void packedModelsGiveLinguasOwnFrequencyForEveryNgram() {
        // Lingua's own map of each model against the packed copy in its maps: every n-gram, and
        // nothing more. German and Portuguese, all lengths: 800,000 n-grams.
        LinguaPackedModels.install(LatinLanguageModels.LANGUAGES);
        for (Language language : new Language[] {Language.GERMAN, Language.PORTUGUESE}) {
            for (int length = 1; length <= 5; length++) {
                Object2FloatMap<String> lingua = LinguaPackedModels.read(language, length);
                Object2FloatMap<String> packed =
                        LinguaPackedModels.loadedModels(length).get(language);
                assertThat(packed.size()).isEqualTo(lingua.size());
                for (Object2FloatMap.Entry<String> e : lingua.object2FloatEntrySet()) {
                    if (packed.getFloat(e.getKey()) != e.getFloatValue()) {
                        assertThat(packed.getFloat(e.getKey()))
                                .as("%s %s", language, e.getKey())
                                .isEqualTo(e.getFloatValue());
                    }
                }
            }
        }
    }
}
