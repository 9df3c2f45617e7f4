package dev.undertone.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlEntitiesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "Tom &amp; Jerry &lt;3 &gt;|Tom & Jerry <3 >",
                "&quot;a&quot; &apos;b&apos; &#39;c&#x27;|\"a\" 'b' 'c'",
                "wait&hellip; &mdash; &ndash; &euro;|wait\u2026 \u2014 \u2013 \u20ac",
                "a&nbsp;b|a\u00a0b",
                "&#x1F600; &#128512;|\ud83d\ude00 \ud83d\ude00",
                // a surrogate pair written as two references is the character they meant
                "&#xD83D;&#xDE00;!|\ud83d\ude00!",
                // lone surrogates, zero and values past U+10FFFF name no character: kept as written
                "&#xD83D; x|&#xD83D; x",
                "&#xDE00;|&#xDE00;",
                "&#xD83D;&#x41;|&#xD83D;A",
                "&#0; &#x110000; &#99999999999;|&#0; &#x110000; &#99999999999;",
                "&#+39; &#x; &#; &bogus; & ;|&#+39; &#x; &#; &bogus; & ;",
                "&amp;amp; &&amp;|&amp; &&",
            })
    void decodesTheReferencesThatNameACharacter(String text, String expected) {
        assertThat(HtmlEntities.decode(text)).isEqualTo(expected);
    }
}
