package dev.undertone.core.sentiment.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageNormalizationTest {

    private static String arabic(String s) {
        return LanguageNormalization.apply(s, LanguageNormalization.ARABIC);
    }

    private static String accents(String s) {
        return LanguageNormalization.apply(s, LanguageNormalization.FOLD_ACCENTS);
    }

    @Test
    void arabicDropsShortVowelMarksAndTheElongationStroke() {
        // مَدْرَسَة with fatha, sukun, fatha, fatha: the marks go, and ta marbuta becomes ha.
        assertThat(arabic("\u0645\u064E\u062F\u0652\u0631\u064E\u0633\u064E\u0629"))
                .isEqualTo("\u0645\u062F\u0631\u0633\u0647");
        // جميـــل: three tatweels between the letters.
        assertThat(arabic("\u062C\u0645\u064A\u0640\u0640\u0640\u0644"))
                .isEqualTo("\u062C\u0645\u064A\u0644");
    }

    @Test
    void arabicFoldsLetterVariants() {
        // أ إ آ ٱ -> ا ; ى -> ي ; ؤ -> و ; ئ -> ي
        assertThat(arabic("\u0623\u0625\u0622\u0671")).isEqualTo("\u0627\u0627\u0627\u0627");
        assertThat(arabic("\u0639\u0644\u0649")).isEqualTo("\u0639\u0644\u064A");
        assertThat(arabic("\u0624\u0626")).isEqualTo("\u0648\u064A");
    }

    @Test
    void accentsFoldOnLatinLettersOnly() {
        assertThat(accents("Qué día más bonito, ça va très bien"))
                .isEqualTo("Que dia mas bonito, ca va tres bien");
        assertThat(accents("Ärger über Öl")).isEqualTo("Arger uber Ol");
        // Devanagari vowel signs and nukta are parts of letters, not accents.
        String hindi = "\u0928\u0939\u0940\u0902 \u095B\u093F\u0902\u0926\u0917\u0940";
        assertThat(accents(hindi))
                .isEqualTo(java.text.Normalizer.normalize(hindi, java.text.Normalizer.Form.NFC));
        // Arabic marks stay too: only the Arabic flag drops them.
        assertThat(accents("\u0645\u064E")).isEqualTo("\u0645\u064E");
    }

    @Test
    void noFlagsAndPlainTextGiveTheTextItself() {
        String s = "plain ascii text";
        assertThat(LanguageNormalization.apply(s, LanguageNormalization.FOLD_ACCENTS)).isSameAs(s);
        assertThat(LanguageNormalization.apply(s, LanguageNormalization.ARABIC)).isSameAs(s);
        String accented = "café";
        assertThat(LanguageNormalization.apply(accented, LanguageNormalization.NONE))
                .isSameAs(accented);
    }

    @Test
    void bothFlagsApplyTogether() {
        assertThat(
                        LanguageNormalization.apply(
                                "caf\u00E9 \u0623\u0640\u0647\u0644\u0627\u064B",
                                LanguageNormalization.ARABIC | LanguageNormalization.FOLD_ACCENTS))
                .isEqualTo("cafe \u0627\u0647\u0644\u0627");
    }
}
