package dev.undertone.core.track;

import static dev.undertone.core.track.TrackTesting.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageFilterTest {

    @Test
    void keepsPostsTaggedWithAListedLanguageIgnoringRegionAndCase() {
        LanguageFilter f = LanguageFilter.parse("en, ES");
        assertThat(f.languages()).containsExactlyInAnyOrder("en", "es");
        assertThat(f.keeps(post("x", List.of(), List.of("en-US")))).isTrue();
        assertThat(f.keeps(post("x", List.of(), List.of("es")))).isTrue();
        assertThat(f.keeps(post("x", List.of(), List.of("pt", "es")))).isTrue();
        assertThat(f.keeps(post("the cat", List.of(), List.of("fr")))).isFalse();
    }

    @Test
    void detectsTheLanguageOfUntaggedPosts() {
        LanguageFilter f = LanguageFilter.parse("es");
        assertThat(f.keeps(post("Ya no aguanto más esta línea"))).isTrue();
        assertThat(f.keeps(post("I can't stand this line anymore"))).isFalse();
        assertThat(f.keeps(post("🙏"))).isFalse();
    }

    @Test
    void noLanguagesKeepsEverything() {
        assertThat(LanguageFilter.parse(null).keepsAll()).isTrue();
        assertThat(LanguageFilter.parse(" , ").keeps(post("🙏"))).isTrue();
    }

    @Test
    void rejectsCodesThatAreNotLanguages() {
        assertThatThrownBy(() -> LanguageFilter.parse("en,english"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'english' is not a language code (use ISO 639-1 codes such as en,es)");
        assertThatThrownBy(() -> LanguageFilter.parse("e1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
