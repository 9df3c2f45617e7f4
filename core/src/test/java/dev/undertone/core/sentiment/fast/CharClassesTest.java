package dev.undertone.core.sentiment.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharClassesTest {

    @Test
    void everyUtf16UnitIsClassedAsTheJdkClassesIt() {
        int letters = 0;
        int digits = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            assertThat(CharClasses.isLetter(ch))
                    .as("isLetter U+%04X", c)
                    .isEqualTo(Character.isLetter(ch));
            assertThat(CharClasses.isDigit(ch))
                    .as("isDigit U+%04X", c)
                    .isEqualTo(Character.isDigit(ch));
            assertThat(CharClasses.isLetterOrDigit(ch))
                    .as("isLetterOrDigit U+%04X", c)
                    .isEqualTo(Character.isLetterOrDigit(ch));
            letters += CharClasses.isLetter(ch) ? 1 : 0;
            digits += CharClasses.isDigit(ch) ? 1 : 0;
        }
        // Arabic, Devanagari, accented Latin and CJK are letters; Arabic-Indic and Devanagari
        // digits
        // are digits; surrogates, emoji halves and punctuation are neither.
        assertThat(CharClasses.isLetter('\u0628')).isTrue();
        assertThat(CharClasses.isLetter('\u0915')).isTrue();
        assertThat(CharClasses.isLetter('\u00E9')).isTrue();
        assertThat(CharClasses.isDigit('\u0663')).isTrue();
        assertThat(CharClasses.isDigit('\u0967')).isTrue();
        assertThat(CharClasses.isLetterOrDigit('\uD83D')).isFalse();
        assertThat(CharClasses.isLetterOrDigit('\u2019')).isFalse();
        assertThat(letters).isGreaterThan(40_000);
        assertThat(digits).isGreaterThan(300);
    }
}
