package dev.undertone.app.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.undertone.app.source.jetstream.JetstreamSource;
import dev.undertone.app.source.mastodon.MastodonSource;
import dev.undertone.app.source.x.XSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourcesTest {

    private static SourceOptions options(List<String> track, Map<String, String> env) {
        return new SourceOptions(
                track,
                null,
                null,
                URI.create("http://127.0.0.1:1"),
                null,
                Secrets.fromMap(env),
                null,
                null);
    }

    @Test
    void buildsEachLiveSourceByName() {
        Map<String, String> env = Map.of(Secrets.X_BEARER_TOKEN, "t");
        try (Source b = Sources.create(null, options(List.of(), env));
                Source x = Sources.create("X", options(List.of("stimulus"), env));
                Source m = Sources.create("mastodon", options(List.of("coffee"), env))) {
            assertThat(b).isInstanceOf(JetstreamSource.class);
            assertThat(b.name()).isEqualTo("bluesky");
            assertThat(x).isInstanceOf(XSource.class);
            assertThat(m).isInstanceOf(MastodonSource.class);
            assertThat(b.health()).containsEntry("state", "idle");
        }
    }

    @Test
    void refusesXWithoutATokenOrPhrases() {
        assertThatThrownBy(() -> Sources.create("x", options(List.of("a"), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Secrets.X_BEARER_TOKEN);
        assertThatThrownBy(
                        () ->
                                Sources.create(
                                        "x",
                                        options(List.of(), Map.of(Secrets.X_BEARER_TOKEN, "t"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--track");
        assertThatThrownBy(() -> Sources.create("myspace", options(List.of(), Map.of())))
                .hasMessageContaining("--source");
    }

    @Test
    void trackPhrasesForTheSourcesKeepQuotesForExactPhrases() {
        assertThat(
                        dev.undertone.core.track.TrackRules.parse(
                                        " stimulus, relief check ,\"cheque, de ayuda\",,")
                                .phrases())
                .containsExactly("stimulus", "relief check", "\"cheque, de ayuda\"");
    }
}
