package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "<p>one</p><p>two</p>|one\\n\\ntwo",
                "line<br>next<br/>last|line\\nnext\\nlast",
                "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x1F600;|a & b <c> \"d\" 'e' \ud83d\ude00",
                "<a href=\"x\">#<span>coffee</span></a>|#coffee",
                "<span class=\"invisible\">https://</span><span>ex.com/a</span>|https://ex.com/a",
                "5 < 6 & 7|5 < 6 & 7",
                "&unknown; &#0; &#xD800;|&unknown; &#0; &#xD800;",
                "<script>alert(1)</script>safe|safe",
                "<p>x<img src=x onerror=alert(1)></p>|x",
            })
    void convertsHtmlToPlainText(String html, String expected) {
        assertThat(HtmlText.toText(html)).isEqualTo(expected.replace("\\n", "\n"));
    }
}
