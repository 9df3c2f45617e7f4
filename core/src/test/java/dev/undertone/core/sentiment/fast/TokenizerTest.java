package dev.undertone.core.sentiment.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer(Lexicon.vader());

    private List<String> tokens(String text) {
        Tokens t = new Tokens();
        tokenizer.tokenize(text, t);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.count; i++) {
            out.add(t.type[i] + ":" + new String(t.lower, t.start[i], t.end[i] - t.start[i]));
        }
        return out;
    }

    @Test
    void splitsWordsHashtagsMentionsEmoticonsAndPunctuation() {
        assertThat(tokens("I don't LOVE #Mondays @user :-( !!! <3"))
                .containsExactly(
                        "0:i",
                        "0:don't",
                        "0:love",
                        "1:#mondays",
                        "2:@user",
                        "3::-(",
                        "4:!!!",
                        "3:<3");
    }

    @Test
    void findsAnEmoticonGluedToAWord() {
        assertThat(tokens("great:) ok")).containsExactly("0:great", "3::)", "0:ok");
    }

    @Test
    void givesOneTokenPerSymbolAndKeepsSurrogatePairsWhole() {
        assertThat(tokens("go\uD83D\uDE80\u2605"))
                .containsExactly("0:go", "5:\uD83D\uDE80", "5:\u2605");
    }

    @Test
    void hashesElongationsDigitsAndCaseToOneCanonicalForm() {
        Tokens a = new Tokens();
        tokenizer.tokenize("SOOOOO good 2day", a);
        Tokens b = new Tokens();
        tokenizer.tokenize("soo good 9day", b);
        assertThat(a.hash[0]).isEqualTo(b.hash[0]).isEqualTo(Tokenizer.canonicalHash("soo"));
        assertThat(a.hash[2]).isEqualTo(b.hash[2]);
        assertThat(a.elongated[0]).isTrue();
        assertThat(a.allCaps[0]).isTrue();
        assertThat(b.elongated[0]).isFalse();
    }

    @Test
    void hashesAHashtagAsItsBody() {
        Tokens t = new Tokens();
        tokenizer.tokenize("#happy happy", t);
        assertThat(t.hash[0]).isEqualTo(t.hash[1]);
        assertThat(t.type[0]).isNotEqualTo(t.type[1]);
    }
}
