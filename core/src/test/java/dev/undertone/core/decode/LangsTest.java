package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LangsTest {

    @Test
    void primaryIsTheLowerCasedFirstSubtag() {
        assertThat(Langs.primary("en")).isEqualTo("en");
        assertThat(Langs.primary("en-US")).isEqualTo("en");
        assertThat(Langs.primary("PT_br")).isEqualTo("pt");
        assertThat(Langs.primary(" es ")).isEqualTo("es");
        assertThat(Langs.primary("zh-Hant-TW")).isEqualTo("zh");
        assertThat(Langs.primary("fil")).isEqualTo("fil");
        // The Kelvin sign lower-cases to an ASCII k, as Locale.ROOT does it.
        assertThat(Langs.primary("\u212Aa")).isEqualTo("ka");
    }

    @Test
    void primaryIsNullForWhatIsNotALanguage() {
        assertThat(Langs.primary(null)).isNull();
        assertThat(Langs.primary("")).isNull();
        assertThat(Langs.primary("e")).isNull();
        assertThat(Langs.primary("engl")).isNull();
        assertThat(Langs.primary("e1")).isNull();
        assertThat(Langs.primary("-en")).isNull();
        assertThat(Langs.primary("é")).isNull();
        assertThat(Langs.primary("éa")).isNull();
        assertThat(Langs.primary("und")).isNull();
        assertThat(Langs.primary("QME")).isNull();
    }

    @Test
    void normalizeKeepsThreeDistinctLanguagesInOrder() {
        assertThat(Langs.normalize(Arrays.asList("en-GB", "EN", null, "und", "de", "fr-CA", "it")))
                .containsExactly("en", "de", "fr");
        assertThat(Langs.normalize(List.of())).isEmpty();
        assertThat(Langs.normalize(null)).isEmpty();
    }
}
