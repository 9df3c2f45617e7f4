package dev.undertone.core.track;

import static dev.undertone.core.track.TrackTesting.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.undertone.core.post.Post;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    @Test
    void theScriptAloneDecidesNonLatinLanguages() {
        assertThat(LanguageDetector.detect("今日はとても楽しかったです")).contains("ja");
        assertThat(LanguageDetector.detect("오늘 정말 좋은 날이에요")).contains("ko");
        assertThat(LanguageDetector.detect("هذا يوم جميل جدا")).contains("ar");
        assertThat(LanguageDetector.detect("यह फिल्म बहुत अच्छी है")).contains("hi");
        assertThat(LanguageDetector.detect("Сегодня отличный день")).contains("ru");
        assertThat(LanguageDetector.detect("Σήμερα είναι ωραία μέρα")).contains("el");
        // A link or a handle in Latin letters does not outweigh the post's own script.
        assertThat(LanguageDetector.detect("@user هذا يوم جميل جدا")).contains("ar");
    }

    @Test
    void clearFrequentWordsDecideLatinLanguages() {
        // Six English list words (the, is, and, it, is, very) score 12; Dutch also lists "is" (4).
        assertThat(LanguageDetector.wordGuess("the weather is nice and it is very warm"))
                .isEqualTo(new LanguageDetector.WordGuess("en", 12, 4));
        assertThat(LanguageDetector.detect("the weather is nice and it is very warm"))
                .contains("en");
        // ñ is a telling letter (3) besides four Spanish words (el, es, muy, pero): 11; German
        // lists "es" too (2).
        LanguageDetector.WordGuess es =
                LanguageDetector.wordGuess("el niño es muy bueno pero cansado");
        assertThat(es).isEqualTo(new LanguageDetector.WordGuess("es", 11, 2));
        assertThat(es.clear(LanguageDetector.CLEAR_WORD_SCORE)).isTrue();
    }

    @Test
    void hindiInLatinLettersIsTold() {
        // yeh, kya, hai, bhai, mujhe, nahi: six words only the Hindi list has.
        String text = "yeh kya hai bhai, mujhe nahi pata";
        assertThat(LanguageDetector.wordGuess(text))
                .isEqualTo(new LanguageDetector.WordGuess("hi", 12, 0));
        assertThat(LanguageDetector.detect(text)).contains("hi");
    }

    @Test
    void theNgramModelsTellTextsWithoutListedWords() {
        // No word of any list, no telling letter: only Lingua can tell.
        String italian = "Buongiorno ragazzi, splendida giornata stamattina sulla spiaggia";
        assertThat(LanguageDetector.wordGuess(italian)).isNull();
        assertThat(LanguageDetector.detect(italian)).contains("it");
        // One telling letter (ü, 3) is not clear enough: the n-gram models decide.
        String german = "Herzlichen Glückwunsch zum Geburtstag, liebe Freundin";
        assertThat(LanguageDetector.detect(german)).contains("de");
    }

    @Test
    void hashtagWordsTellTheLanguage() {
        // Only hashtags: nothing was left once they were dropped; their words are German.
        String tags =
                "#Krankenhaus #chillen #Kopfschmerzen #aua #Kreislauf #schwindelig #nicht #laufen";
        assertThat(LanguageDetector.detect(tags)).contains("de");
    }

    @Test
    void closeCallsGoToTheFrequentWordsWhenTheyPointToOneOfTheTwo() {
        // "das" and "den" (German, 4) against "den" (Danish, 2): not clear enough on their own;
        // Lingua puts Danish and German within 1% of each other; the words settle it.
        String text = "RT @user: RT @user: iPhone Gold. Das Ed Hardy unter den Mobiltelefonen.";
        LanguageDetector.WordGuess words = LanguageDetector.wordGuess(text);
        assertThat(words.language()).isEqualTo("de");
        assertThat(words.clear(LanguageDetector.CLEAR_WORD_SCORE)).isFalse();
        assertThat(LanguageDetector.detect(text)).contains("de");
    }

    @Test
    void unsureMeansNoLanguage() {
        assertThat(LanguageDetector.detect(null)).isEmpty();
        assertThat(LanguageDetector.detect("")).isEmpty();
        assertThat(LanguageDetector.detect("   ")).isEmpty();
        assertThat(LanguageDetector.detect("😂😂🔥")).isEmpty();
        assertThat(LanguageDetector.detect("12:45 !!! ???")).isEmpty();
        // Handles, tags and links name things: fewer than three letters are left.
        assertThat(LanguageDetector.detect("@someone https://t.co/abc ok")).isEmpty();
        // A bare "http" is what archived tweets keep of a link (Lingua alone calls it Italian).
        assertThat(LanguageDetector.detect("RT @user: @user http")).isEmpty();
        // One word of each of two languages: a tie, no guess.
        assertThat(LanguageDetector.wordGuess("the der"))
                .satisfies(g -> assertThat(g.clear(LanguageDetector.CLEAR_WORD_SCORE)).isFalse());
    }

    @Test
    void metadataWinsOverTheText() {
        Post tagged = post("the weather is nice and it is very warm", List.of(), List.of("de"));
        assertThat(LanguageDetector.fillIn(tagged)).isSameAs(tagged);
        Post untagged = post("el niño es muy bueno pero cansado");
        assertThat(LanguageDetector.fillIn(untagged).langs()).containsExactly("es");
        Post unsure = post("😂😂");
        assertThat(LanguageDetector.fillIn(unsure)).isSameAs(unsure);
        assertThat(LanguageDetector.fillIn(unsure).langs()).isEmpty();
    }
}
