package dev.undertone.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentWordsTest {
    @Test
    void keepsDistinctLowerCasedContentWordsInOrder() {
        assertThat(ContentWords.of("Great GAME tonight, great crowd and the refs"))
                .containsExactly("great", "game", "tonight", "crowd", "refs");
    }

    @Test
    void skipsLinksHashtagsMentionsAndCashtagsWhole() {
        assertThat(
                        ContentWords.of(
                                "Read https://example.com/news-today and www.site.org/page"
                                        + " #Climate @someone $TSLA later"))
                .containsExactly("read", "later");
    }

    @Test
    void aSkippedTokenInsideAWordEndsTheWord() {
        assertThat(ContentWords.of("mail@example.com stock$AAPL")).containsExactly("mail", "stock");
    }

    @Test
    void dropsShortWordsStopWordsNumbersAndPossessives() {
        assertThat(ContentWords.of("It's the city's 2nd win at 99 degrees, ok?"))
                .containsExactly("city", "win", "degrees");
    }

    @Test
    void handlesMarksCurlyApostrophesAndOtherScripts() {
        assertThat(ContentWords.of("Ça va très bien, l’équipe gagne — Привет мир"))
                .containsExactly("très", "bien", "l'équipe", "gagne", "привет", "мир");
    }

    @Test
    void emptyAndBlankTextsHaveNoWords() {
        assertThat(ContentWords.of("")).isEmpty();
        assertThat(ContentWords.of(null)).isEmpty();
        assertThat(ContentWords.of("   \n ")).isEmpty();
    }
}
