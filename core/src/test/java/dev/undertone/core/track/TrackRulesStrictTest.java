package dev.undertone.core.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackRulesStrictTest {
    @Test
    void aPhraseGivenTwiceInAnyCaseIsAnError() {
        assertThatThrownBy(() -> TrackRules.parseStrict("climate, football, Climate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Climate' is given twice (as 'climate')");
    }

    @Test
    void anEmptyPhraseIsAnErrorNamingItsPlace() {
        assertThatThrownBy(() -> TrackRules.parseStrict("climate,,football"))
                .hasMessageContaining("phrase 2 of 3 is empty");
        assertThatThrownBy(() -> TrackRules.parseStrict("climate,"))
                .hasMessageContaining("phrase 2 of 2 is empty");
        assertThatThrownBy(() -> TrackRules.parseStrict("  ")).hasMessageContaining("is empty");
    }

    @Test
    void aThousandPhrasesAreKeptAndOneMoreIsAnError() {
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < TrackRules.MAX_PHRASES; i++) {
            phrases.add("word" + i);
        }
        TrackRules rules = TrackRules.parseStrict(String.join(",", phrases));
        assertThat(rules.phrases()).hasSize(1000);
        assertThat(rules.matches(TrackTesting.post("about word999 today")))
                .containsExactly("word999");

        phrases.add("one more");
        assertThatThrownBy(() -> TrackRules.parseStrict(String.join(",", phrases)))
                .hasMessage("1001 phrases; at most 1000 are supported");
    }

    @Test
    void noValueKeepsEverything() {
        assertThat(TrackRules.parseStrict(null).isEmpty()).isTrue();
    }
}
