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
        // Lingua's own map of each model (its reader on the same file) against the copy read
        // straight into its maps: every n-gram, and nothing more. German (whose bigrams have
        // letters beyond Latin Extended-B, such as U+FB01), Portuguese and Polish, all lengths:
        // 1.2 million n-grams.
        LinguaPackedModels.install(LatinLanguageModels.LANGUAGES);
        for (Language language :
                new Language[] {Language.GERMAN, Language.PORTUGUESE, Language.POLISH}) {
            for (int length = 1; length <= 5; length++) {
                Object2FloatMap<String> lingua = LinguaOwnModels.read(language, length);
                Object2FloatMap<String> packed =
                        LinguaPackedModels.loadedModels(length).get(language);
                assertThat(packed.size())
                        .as("%s %d-grams", language, length)
                        .isEqualTo(lingua.size());
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

    @Test
    void anInterruptedCallerStillGetsEveryModelAndStaysInterrupted() {
        // The caller is the detector's class initializer: an interrupt while the two threads read
        // must not leave it failed. Languages no other test installs, so they are read here.
        Language[] languages = {Language.ESTONIAN, Language.LATVIAN};
        Thread.currentThread().interrupt();
        try {
            LinguaPackedModels.install(languages);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        for (int length = 1; length <= 5; length++) {
            for (Language language : languages) {
                assertThat(LinguaPackedModels.loadedModels(length).get(language))
                        .as("%s %d-grams", language, length)
                        .isInstanceOf(PackedNgramModel.class);
            }
        }
    }
}
