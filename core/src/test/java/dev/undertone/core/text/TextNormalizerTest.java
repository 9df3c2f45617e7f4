package dev.undertone.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "@bob hi there|@user hi there",
                "\"@bob said so|@user said so",
                "hi @alice.bsky.social and @carol@mastodon.social!|hi @user and @user",
                "email me at bob@example.com|email me at bob@example.com",
                "a lone @ sign|a lone @ sign",
            })
    void replacesUserHandlesAsTweetEvalDoes(String in, String out) {
        assertThat(TextNormalizer.normalize(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "read this https://t.co/abc123 now|read this now",
                "read this http://example.com/x?y=1|read this",
                "see:http://t.co/wfsIhrQk please|see: please",
                "visit www.example.org today|visit today",
                "new post github.com/user/repo... wow|new post wow",
                "rated 1.5/10 and/or worse|rated 1.5/10 and/or worse",
            })
    void removesLinks(String in, String out) {
        assertThat(TextNormalizer.normalize(in)).isEqualTo(out);
    }

    @Test
    void decodesHtmlEntitiesAndLiteralEscapesOfTheTrainingData() {
        assertThat(TextNormalizer.normalize("Tom &amp; Jerry &lt;3 &#39;ok&#x27; &bogus; &"))
                .isEqualTo("Tom & Jerry <3 'ok' &bogus; &");
        assertThat(TextNormalizer.normalize("I\\u2019m here\\u002c really"))
                .isEqualTo("I'm here, really");
        assertThat(TextNormalizer.normalize("\\ud83d\\ude0d")).isEqualTo("<3");
    }

    @Test
    void foldsTypographicPunctuationToAscii() {
        assertThat(TextNormalizer.normalize("it\u2019s \u201Cfine\u201D \u2014 ok\u2026"))
                .isEqualTo("it's \"fine\" - ok...");
    }

    @Test
    void mapsFaceEmojiToTheEmoticonsOfTheTrainingData() {
        assertThat(TextNormalizer.normalize("great\uD83D\uDE00day")).isEqualTo("great :D day");
        assertThat(TextNormalizer.normalize("\uD83D\uDE2D\uD83D\uDE2D")).isEqualTo(":'( :'(");
        assertThat(TextNormalizer.normalize("\u2764\uFE0F you")).isEqualTo("<3 you");
        assertThat(TextNormalizer.normalize("rocket \uD83D\uDE80"))
                .isEqualTo("rocket \uD83D\uDE80");
    }

    @Test
    void collapsesWhitespaceAndDropsInvisibleCharacters() {
        assertThat(TextNormalizer.normalize("  a\t\tb\r\n c\u00A0d\u2028e  "))
                .isEqualTo("a b c d e");
        assertThat(TextNormalizer.normalize("a\u0000b\u0007c")).isEqualTo("a b c");
        assertThat(TextNormalizer.normalize("zero\u200Bwidth \u202Ertl\u202C mark\u200F"))
                .isEqualTo("zerowidth rtl mark");
    }

    @Test
    void dropsLoneSurrogatesButKeepsPairs() {
        assertThat(TextNormalizer.normalize("a\uD800b\uDC00c \uD83D\uDE80"))
                .isEqualTo("abc \uD83D\uDE80");
        assertThat(TextNormalizer.normalize("\uD800")).isEmpty();
    }

    @Test
    void keepsRightToLeftText() {
        assertThat(
                        TextNormalizer.normalize(
                                "\u05E9\u05DC\u05D5\u05DD  \u0645\u0631\u062D\u0628\u0627"))
                .isEqualTo("\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627");
    }

    @Test
    void givesEmptyTextForNothingToScore() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
        assertThat(TextNormalizer.normalize("")).isEmpty();
        assertThat(TextNormalizer.normalize(" \t\n ")).isEmpty();
        assertThat(TextNormalizer.normalize("https://example.com")).isEmpty();
    }

    @Test
    void keepsOnlyTheFirstMaxCharsOfAHugeText() {
        String huge = "ab ".repeat(40_000);
        String out = TextNormalizer.normalize(huge);
        assertThat(out.length()).isLessThanOrEqualTo(TextNormalizer.MAX_CHARS);
        assertThat(out).startsWith("ab ab");
    }

    @Test
    void doesNotSplitASurrogatePairAtTheCut() {
        String text = "x".repeat(TextNormalizer.MAX_CHARS - 1) + "\uD83D\uDE80";
        assertThat(TextNormalizer.normalize(text))
                .isEqualTo("x".repeat(TextNormalizer.MAX_CHARS - 1));
    }
}
