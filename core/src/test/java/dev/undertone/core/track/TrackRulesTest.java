package dev.undertone.core.track;

import static dev.undertone.core.track.TrackTesting.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackRulesTest {

    /** rule | text | the phrases matched, separated by ';' (empty: none). */
    @ParameterizedTest(name = "[{0}] on \"{1}\" -> [{2}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "stimulus|The stimulus is here|stimulus",
                "stimulus|THE STIMULUS IS HERE|stimulus",
                "Stimulus|the stimulus|Stimulus",
                "stimulus|stimulus.|stimulus",
                "stimulus|(stimulus)|stimulus",
                "stimulus|stimuluses are here|",
                "stimulus|the stimulus_check|",
                "stimulus|nostimulus|",
                "stimulus|#Stimulus arrived|stimulus",
                "stimulus check|check your stimulus|stimulus check",
                "stimulus check|stimulus only|",
                "stimulus,relief|a relief at last|relief",
                "stimulus,relief|relief and stimulus|stimulus;relief",
                "stimulus, relief ,  |relief|relief",
                "\"stimulus check\"|stimulus check arrived|\"stimulus check\"",
                "\"stimulus check\"|Stimulus, check!|\"stimulus check\"",
                "\"stimulus check\"|check stimulus|",
                "\"stimulus check\"|stimulus big check|",
                "\"new york\" pizza|pizza in New York|\"new york\" pizza",
                "\"new york\" pizza|new pizza york|",
                "#stimulus|#stimulus now|#stimulus",
                "#stimulus|stimulus now|",
                "covid-19|covid 19 cases|covid-19",
                "covid-19|COVID-19 cases|covid-19",
                "don't|I don't know|don't",
                "café|Un CAFÉ noir|café",
                "café|cafe noir|",
                "straße|Die STRASSE|",
                "ελλάδα|Η ΕΛΛΆΔΑ είναι|ελλάδα",
                "москва|В Москве|",
                "москва|Москва!|москва",
                "कॉफ़ी|मुझे कॉफ़ी पसंद है|कॉफ़ी",
                "コーヒー|月曜の朝はコーヒーがないと無理|コーヒー",
                "咖啡|我喜欢喝咖啡|咖啡",
                "🙏|huge weight off my shoulders 🙏|🙏",
                "@dkwon|@dkwon same here|@dkwon",
                "dkwon|@dkwon same here|dkwon",
            })
    void matchesAsTheContractSays(String rule, String text, String expected) {
        List<String> want = expected == null ? List.of() : Arrays.asList(expected.split(";"));
        assertThat(TrackRules.parse(rule).matches(post(text))).isEqualTo(want);
    }

    @Test
    void aWordMatchesAHashtagFacetNotInTheText() {
        TrackRules rules = TrackRules.parse("commute, sunday");
        assertThat(rules.matches(post("train app down", List.of("Commute"), List.of())))
                .containsExactly("commute");
        assertThat(rules.matches(post("nothing", List.of("SundayVibes"), List.of()))).isEmpty();
        assertThat(TrackRules.parse("#commute").matches(post("x", List.of("commute"), List.of())))
                .containsExactly("#commute");
        assertThat(TrackRules.parse("カフェ").matches(post("x", List.of("カフェ巡り"), List.of())))
                .containsExactly("カフェ");
    }

    @Test
    void noRulesKeepEverythingAndMatchNothing() {
        TrackRules none = TrackRules.parse("  ");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.keeps(post("anything"))).isTrue();
        assertThat(none.matches(post("anything"))).isEmpty();
        assertThat(TrackRules.parse(null).isEmpty()).isTrue();
        assertThat(TrackRules.parse(" , ,").isEmpty()).isTrue();
    }

    @Test
    void keepsOnlyMatchingPostsWhenThereAreRules() {
        TrackRules rules = TrackRules.parse("coffee");
        assertThat(rules.keeps(post("good coffee"))).isTrue();
        assertThat(rules.keeps(post("good tea"))).isFalse();
    }

    @Test
    void phrasesAreKeptAsWrittenWithoutDuplicates() {
        assertThat(TrackRules.parse(" Stimulus Check ,relief, stimulus check").phrases())
                .containsExactly("Stimulus Check", "relief");
    }

    @Test
    void rejectsAnUnclosedQuote() {
        assertThatThrownBy(() -> TrackRules.parse("\"stimulus check"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed double quote");
    }

    @Test
    void quotedPhrasesMayHoldCommas() {
        assertThat(TrackRules.parse("\"hello, world\",x").phrases())
                .containsExactly("\"hello, world\"", "x");
        assertThat(TrackRules.parse("\"hello, world\"").matches(post("Hello, world!")))
                .containsExactly("\"hello, world\"");
    }

    @Test
    void isSafeToShareBetweenThreads() throws InterruptedException {
        TrackRules rules = TrackRules.parse("alpha beta, gamma");
        Thread[] threads = new Thread[4];
        boolean[] ok = new boolean[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int me = t;
            threads[t] =
                    new Thread(
                            () -> {
                                boolean good = true;
                                for (int i = 0; i < 20_000; i++) {
                                    good &=
                                            rules.matches(post("beta and alpha " + i))
                                                    .equals(List.of("alpha beta"));
                                    good &=
                                            rules.matches(post("gamma " + i))
                                                    .equals(List.of("gamma"));
                                }
                                ok[me] = good;
                            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(ok).containsOnly(true);
    }
}
