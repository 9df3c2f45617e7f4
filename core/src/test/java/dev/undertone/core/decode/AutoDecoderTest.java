package dev.undertone.core.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoDecoderTest {

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "jetstream-events.jsonl, jetstream",
        "x-filtered-stream.ndjson, x",
        "twitter-v1.jsonl, twitter",
        "generic.jsonl, json",
    })
    void detectsEachLineFormatExactlyAsTheNamedDecoderDecodes(String fixture, String format) {
        assertThat(Fixtures.decodeLines(fixture, Formats.AUTO))
                .isEqualTo(Fixtures.decodeLines(fixture, format));
    }

    @org.junit.jupiter.api.Test
    void detectsMastodonSseEventsAndStatusLines() {
        List<Decoded> auto = new ArrayList<>();
        List<Decoded> named = new ArrayList<>();
        for (String event : Fixtures.read("mastodon-hashtag.sse").split("\n\n")) {
            auto.add(Fixtures.decode(Formats.AUTO, event));
            named.add(Fixtures.decode(Formats.MASTODON, event));
        }
        assertThat(auto).isEqualTo(named);
        String status = "{\"id\":\"1\",\"uri\":\"u\",\"content\":\"<p>x</p>\",\"account\":{}}";
        assertThat(Fixtures.decode(Formats.AUTO, status))
                .isEqualTo(Fixtures.decode(Formats.MASTODON, status));
    }

    @org.junit.jupiter.api.Test
    void linesThatAreNotJsonArePlainText() {
        Decoded d = Fixtures.decode(Formats.AUTO, "just words, no braces");
        assertThat(((Decoded.NewPost) d).post().text()).isEqualTo("just words, no braces");
        assertThat(Fixtures.decode(Formats.AUTO, "\ufeff{\"text\":\"bom\"}"))
                .isInstanceOf(Decoded.NewPost.class);
    }
}
